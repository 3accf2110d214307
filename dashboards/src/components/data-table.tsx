import type { ReactNode } from 'react';
import { useApp } from '../app-context';
import { exportFileName, toCsv, toXlsx, type ExportColumn } from '../export/table-export';
import { kuwaitDay } from '../format/date';

export interface Column<Row> extends ExportColumn<Row> {
  key: string;
  /** How the cell reads on screen; the export keeps the raw value. */
  render?: (row: Row) => ReactNode;
  numeric?: boolean;
  /** Left out of CSV/XLSX (sparklines, buttons). */
  noExport?: boolean;
}

interface Props<Row> {
  title: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  onRowClick?: (row: Row) => void;
  testId?: string;
}

function download(bytes: BlobPart, type: string, name: string) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function DataTable<Row>({ title, columns, rows, rowKey, onRowClick, testId }: Props<Row>) {
  const { t, lang } = useApp();
  const exported = columns.filter((c) => !c.noExport);
  const today = kuwaitDay(new Date()) ?? 'today';
  return (
    <div className="data-table" data-testid={testId}>
      <div className="table-tools no-print">
        <button
          type="button"
          onClick={() => download(toCsv(exported, rows), 'text/csv;charset=utf-8', exportFileName(title, 'csv', today))}
        >
          {t.exportCsv}
        </button>
        <button
          type="button"
          onClick={() => {
            void toXlsx(exported, rows, title, lang === 'ar').then((bytes) =>
              download(
                bytes as BlobPart,
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
                exportFileName(title, 'xlsx', today),
              ),
            );
          }}
        >
          {t.exportXlsx}
        </button>
      </div>
      <table>
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const key = rowKey(r);
            return (
              <tr
                key={key}
                data-row-id={key}
                className={onRowClick ? 'clickable' : undefined}
                tabIndex={onRowClick ? 0 : undefined}
                onClick={onRowClick ? () => onRowClick(r) : undefined}
                onKeyDown={onRowClick ? (e) => (e.key === 'Enter' ? onRowClick(r) : undefined) : undefined}
              >
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined} data-col={c.key}>
                    {c.render ? c.render(r) : String(c.value(r) ?? '—')}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
