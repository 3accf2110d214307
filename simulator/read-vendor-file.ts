/**
 * Reads any vendor's sales or stock file back into uniform records (Kuwait date and hour,
 * quantity, amount in fils). The tests use it; it is the reference reading of the sales and
 * stock formats, as feeds/read-feed.ts is for the other feeds.
 */
import iconv from 'iconv-lite';
import { parseCsv } from './csv';

export interface VendorRecord {
  site: string;
  gtin: string;
  date: string;
  hour: number;
  /** Quantity sold, or the closing stock. */
  qty: number;
  /** Sales amount in fils (0 for stock). */
  fils: number;
}

const latinDigits = (text: string): string => text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));

export function readVendorFile(bytes: Buffer, ext: string): VendorRecord[] {
  if (ext === 'jsonl') {
    return bytes
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => {
        const r = JSON.parse(line) as Record<string, string | number>;
        const ts = r.ts ? new Date(Date.parse(String(r.ts)) + 3 * 3_600_000).toISOString() : `${String(r.date)}T00`;
        return {
          site: String(r.site),
          gtin: String(r.gtin),
          date: ts.slice(0, 10),
          hour: Number(ts.slice(11, 13)),
          qty: Number(r.qty ?? r.on_hand),
          fils: Number(r.amount_fils ?? 0),
        };
      });
  }
  const text = bytes[0] === 0xef ? bytes.subarray(3).toString('utf8') : iconv.decode(bytes, 'windows-1256');
  const [header, ...rows] = parseCsv(text);
  const arabic = header?.[0] === 'رقم الجمعية';
  return rows.map((raw) => {
    const f = raw.map(latinDigits);
    if (!arabic) {
      const sales = f.length === 7;
      return sales
        ? {
            site: f[1]!,
            gtin: f[2]!,
            date: f[3]!.slice(0, 10),
            hour: Number(f[3]!.slice(11, 13)),
            qty: Number(f[4]),
            fils: Math.round(Number(f[5]) * 1000),
          }
        : { site: f[1]!, gtin: f[2]!, date: f[3]!, hour: 0, qty: Number(f[4]), fils: 0 };
    }
    const [dd, mm, yyyy] = f[3]!.split('/');
    const date = `${yyyy}-${mm}-${dd}`;
    return f.length === 8
      ? {
          site: f[1]!,
          gtin: f[2]!,
          date,
          hour: Number(f[4]),
          qty: Number(f[5]),
          fils: Math.round(Number(f[6]!.replace(',', '.')) * 1000),
        }
      : { site: f[1]!, gtin: f[2]!, date, hour: 0, qty: Number(f[4]), fils: 0 };
  });
}
