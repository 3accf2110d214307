export interface GovernorateOption {
  id: string;
  name: string;
}

/** The governorate filter the pages share: choosing one clears the co-op, since a co-op belongs to one governorate. */
export function GovernorateSelect(props: {
  label: string;
  allLabel: string;
  options: readonly GovernorateOption[];
  value: string | null | undefined;
  onChange: (gov: string | null) => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select
        data-testid="gov-select"
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value || null)}
      >
        <option value="">{props.allLabel}</option>
        {props.options.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
    </label>
  );
}
