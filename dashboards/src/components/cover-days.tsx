import { useApp } from '../app-context';
import { coverColor } from '../charts/cover-bands';
import { formatDays } from '../format/number';

/** Days of cover with the band's colour beside it (the number says it; the colour repeats it). */
export function CoverDays({ days }: { days: number | null }) {
  const { lang } = useApp();
  return (
    <span className="cover-cell">
      <i className="swatch" style={{ background: coverColor(days) }} aria-hidden="true" />
      {formatDays(days, lang)}
    </span>
  );
}
