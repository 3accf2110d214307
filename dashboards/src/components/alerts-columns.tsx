import { useApp } from '../app-context';
import { alertProducts, type AlertRow } from '../cube/alerts-rows';
import { formatDateTime, kuwaitIso } from '../format/date';
import type { Lang } from '../format/locale';
import { formatNumber } from '../format/number';
import type { Messages } from '../i18n/messages';
import type { Column } from './data-table';

// Severity colours follow the cover bands: red is the one to act on first.
const SEVERITY_COLOR = { critical: '#c62828', warning: '#ef6c00', watch: '#f9a825' } as const;

function When({ value }: { value: string | null }) {
  const { lang } = useApp();
  if (!value) return <>—</>;
  return <time dateTime={kuwaitIso(value) ?? undefined}>{formatDateTime(value, lang)}</time>;
}

/** The alert's level now, with its peak beside it when the alert has since calmed down. */
function SeverityCell({ row }: { row: AlertRow }) {
  const { t } = useApp();
  return (
    <span className="cover-cell" data-severity={row.severity ?? ''}>
      <i
        className="swatch"
        style={{ background: row.severity ? SEVERITY_COLOR[row.severity] : '#9e9e9e' }}
        aria-hidden="true"
      />
      {row.severity ? t[`severity_${row.severity}`] : '—'}
      {row.peakSeverity && row.peakSeverity !== row.severity && (
        <small>
          {' '}
          ({t.alertPeak}: {t[`severity_${row.peakSeverity}`]})
        </small>
      )}
    </span>
  );
}

/** The alerts table's columns; the status column only when closed alerts are shown too. */
export function alertColumns(
  t: Messages,
  lang: Lang,
  includeClosed: boolean,
  productNames: ReadonlyMap<string, string>,
): Column<AlertRow>[] {
  const status: Column<AlertRow> = {
    key: 'status',
    header: t.alertStatus,
    value: (r) => (r.isOpen ? t.alertStatus_open : t.alertStatus_closed),
  };
  return [
    {
      key: 'severity',
      header: t.alertLevel,
      value: (r) => (r.severity ? t[`severity_${r.severity}`] : null),
      render: (r) => <SeverityCell row={r} />,
    },
    ...(includeClosed ? [status] : []),
    { key: 'governorate', header: t.governorate, value: (r) => r.governorate },
    { key: 'category', header: t.category, value: (r) => r.category },
    {
      key: 'products',
      header: t.alertProducts,
      value: (r) => alertProducts(r, productNames).join(lang === 'ar' ? '، ' : ', '),
    },
    {
      key: 'ratio',
      header: t.alertRatio,
      numeric: true,
      value: (r) => r.ratio,
      render: (r) => (r.ratio === null ? '—' : <span title={t.alertRatioHint}>{formatNumber(r.ratio, lang, 1)}×</span>),
    },
    { key: 'since', header: t.alertSince, value: (r) => r.sinceAt, render: (r) => <When value={r.sinceAt} /> },
    {
      key: 'hours',
      header: t.alertHoursToStockout,
      numeric: true,
      value: (r) => r.hoursToStockout,
      render: (r) => (r.hoursToStockout === null ? '—' : `${formatNumber(r.hoursToStockout, lang)} ${t.hoursShort}`),
    },
  ];
}
