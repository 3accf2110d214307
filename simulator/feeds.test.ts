/** The feeds after sales and stock, checked against the truth on one small simulated quarter. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCsv } from './csv';
import type { FeedTable } from './feeds/feed-table';
import { readFeedFile } from './feeds/read-feed';
import { FEED_CONTRACTS } from '../domain/feed-contracts';
import { isValidCivilId } from './civil-id';
import { workingDaysBetween } from '../domain/kuwait-calendar';
import { promotedPrice } from './promotions';
import { readVendorFile, type VendorRecord } from './read-vendor-file';
import { loadReference } from './reference/load-reference';
import { simulate, type SimulationSummary } from './simulate';
import { addDays } from '../domain/kuwait-calendar';

const {
  aid: AID,
  cameras: CAMERAS,
  contractors: CONTRACTORS,
  deliveries: DELIVERIES,
  finance: FINANCE,
  hr: HR,
  prices: PRICES,
  shareholders: SHAREHOLDERS,
  stocktake: STOCKTAKE,
  transactions: TRANSACTIONS,
} = FEED_CONTRACTS;

let out: string;
let summary: SimulationSummary;
let files: string[];
let events: Record<string, string>[];
let ledger: Map<string, string[]>;

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'rabt-feeds-'));
  summary = await simulate({ scale: 'small', seed: 5, outDir: out, endDate: '2025-06-30', days: 90 });
  const entries = await readdir(path.join(out, 'inbox'), { recursive: true, withFileTypes: true });
  files = entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const [header, ...rows] = parseCsv(await readFile(path.join(out, 'truth', 'events.csv'), 'utf8'));
  events = rows.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i] as string])));
  ledger = new Map();
  for (const file of await readdir(path.join(out, 'truth', 'ledger'))) {
    for (const line of parseCsv(await readFile(path.join(out, 'truth', 'ledger', file), 'utf8')).slice(1))
      ledger.set(`${line[0]}|${line[1]}|${line[2]}`, line);
  }
}, 60_000);
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

/** Every row of a feed from the first send of each batch or its correction, never both. */
async function feedRows(table: FeedTable): Promise<Record<string, string>[]> {
  const mine = files.filter((f) => path.basename(f).includes(`__${table.feed}__`));
  const corrected = new Set(
    mine.filter((f) => f.includes('__corr')).map((f) => path.basename(f).split('__').slice(0, 3).join('__')),
  );
  const rows: Record<string, string>[] = [];
  for (const file of mine) {
    const name = path.basename(file);
    const key = name.split('__').slice(0, 3).join('__');
    const seq = name.split('__')[3]?.slice(0, 3);
    if (seq !== '001' && !name.includes('__corr')) continue; // a resend repeats the first send
    if (seq === '001' && corrected.has(key)) continue;
    rows.push(...(await readFeedFile(table, await readFile(file), path.extname(file).slice(1))));
  }
  return rows;
}

describe('deliveries', () => {
  it('books every supplier arrival in the ledger as a delivery line, plus only the planted paper deliveries', async () => {
    const rows = await feedRows(DELIVERIES);
    const phantoms = events.filter((e) => e.event_type === 'phantom_delivery');
    expect(phantoms.length).toBeGreaterThanOrEqual(1);
    const phantomKeys = new Set(phantoms.map((e) => `${e.start_date}|${e.site_id}|${e.product_scope}`));
    const unmatched: string[] = [];
    for (const r of rows) {
      const key = `${r.delivery_date}|${r.site_id}|${r.barcode}`;
      if (phantomKeys.has(key)) continue;
      if (ledger.get(key)?.[4] !== r.quantity) unmatched.push(key);
    }
    expect(unmatched).toEqual([]);
    for (const key of phantomKeys)
      expect(rows.some((r) => `${r.delivery_date}|${r.site_id}|${r.barcode}` === key)).toBe(true);
    // The paper delivery never reaches a shelf: that product has no stock anywhere in the co-op.
    const stocked = new Set([...ledger.values()].map((l) => l[2]));
    for (const e of phantoms) expect(stocked.has(e.product_scope)).toBe(false);
  });
});

describe('prices', () => {
  it('lists every site and product on linking and shows the gouging co-op raising essentials by hand', async () => {
    const rows = await feedRows(PRICES);
    const lists = rows.filter((r) => r.reason === 'list');
    expect(lists.length).toBe(5 * 2 * summary.products);
    const gouging = events.find((e) => e.event_type === 'price_gouging')!;
    const raised = rows.filter(
      (r) => r.coop_id === gouging.coop_id && r.reason === 'manual' && r.effective_date === gouging.start_date,
    );
    expect(raised.length).toBeGreaterThan(10);
    const list = new Map(lists.map((r) => [`${r.site_id}|${r.barcode}`, Number(r.price_kwd)]));
    for (const r of raised) expect(Number(r.price_kwd)).toBeCloseTo(list.get(`${r.site_id}|${r.barcode}`)! * 1.35, 2);
  });
});

describe('promotions', () => {
  /** Sales records of a co-op's daily files from one day to another. */
  const salesOf = async (coopId: string, from: string, to: string): Promise<VendorRecord[]> => {
    const records: VendorRecord[] = [];
    for (const file of files) {
      const [coop, feed, day] = path.basename(file).split('__');
      const date = `${day!.slice(0, 4)}-${day!.slice(4, 6)}-${day!.slice(6, 8)}`;
      if (coop === coopId && feed === 'sales' && date >= from && date <= to)
        records.push(...readVendorFile(await readFile(file), path.extname(file).slice(1)));
    }
    return records;
  };

  it('plants local promotions of non-essentials, seen in the prices feed and in cheaper, bigger sales', async () => {
    const promos = events.filter((e) => e.event_type === 'promotion');
    expect(promos.length).toBeGreaterThanOrEqual(3);
    const essential = new Set(
      (await loadReference()).ref_products.filter((p) => p.is_essential === 'true').map((p) => p.product_id),
    );
    const prices = await feedRows(PRICES);
    const list = new Map(
      prices
        .filter((r) => r.reason === 'list')
        .map((r) => [`${r.site_id}|${r.barcode}`, Math.round(Number(r.price_kwd) * 1000)]),
    );
    let inWindow = 0;
    let before = 0;
    for (const promo of promos) {
      expect(promo.coop_id).toMatch(/^C\d{3}$/);
      const gtins = promo.product_scope!.split(' ');
      expect(gtins.length).toBeGreaterThanOrEqual(2);
      for (const gtin of gtins) expect(essential.has(gtin)).toBe(false);
      const discount = Number(/discount_pct=(\d+)/.exec(promo.detail!)![1]) / 100;
      const starts = prices.filter(
        (r) => r.coop_id === promo.coop_id && r.reason === 'promotion' && r.effective_date === promo.start_date,
      );
      const ends = prices.filter(
        (r) =>
          r.coop_id === promo.coop_id &&
          r.reason === 'promotion_end' &&
          r.effective_date === addDays(promo.end_date!, 1),
      );
      const sites = new Set(
        [...list.keys()].map((k) => k.split('|')[0]!).filter((site) => site.startsWith(promo.coop_id!)),
      );
      expect(starts.length).toBe(sites.size * gtins.length);
      expect(ends.length).toBe(promo.end_date! < summary.endDate ? starts.length : 0);
      const promoFils = new Map<string, number>();
      for (const r of starts) {
        const listFils = list.get(`${r.site_id}|${r.barcode}`)!;
        expect(Math.round(Number(r.price_kwd) * 1000)).toBe(promotedPrice(listFils, discount));
        promoFils.set(r.barcode!, promotedPrice(listFils, discount));
      }
      for (const r of ends) expect(Math.round(Number(r.price_kwd) * 1000)).toBe(list.get(`${r.site_id}|${r.barcode}`));

      // The sales amounts carry the promoted price in the window and the list price before it.
      const days = (Date.parse(promo.end_date!) - Date.parse(promo.start_date!)) / 86_400_000 + 1;
      const from = addDays(promo.start_date!, -days);
      for (const r of await salesOf(promo.coop_id!, from, promo.end_date!)) {
        if (!promoFils.has(r.gtin)) continue;
        const promoted = r.date >= promo.start_date!;
        expect(r.fils).toBe(r.qty * (promoted ? promoFils.get(r.gtin)! : list.get(`${r.site}|${r.gtin}`)!));
        if (promoted) inWindow += r.qty;
        else before += r.qty;
      }
    }
    // Over all promotions, the same products sell clearly more in the window than in as many days before.
    expect(inWindow).toBeGreaterThan(before * 1.2);
  });
});

describe('stocktake', () => {
  it('counts every site on the last Thursday, book = the stock feed, counted = the shelf or one over', async () => {
    const rows = await feedRows(STOCKTAKE);
    expect(new Set(rows.map((r) => r.count_date))).toEqual(new Set(['2025-04-24', '2025-05-29', '2025-06-26']));
    let miscounts = 0;
    for (const r of rows) {
      const line = ledger.get(`${r.count_date}|${r.site_id}|${r.barcode}`)!;
      expect(r.book_qty).toBe(line[11]);
      const over = Number(r.counted_qty) - Number(line[10]);
      expect([0, 1]).toContain(over);
      miscounts += over;
    }
    expect(miscounts).toBeGreaterThan(0);
  });

  it('shows the planted shrinkage as the largest loss of any site', async () => {
    const rows = await feedRows(STOCKTAKE);
    const loss = new Map<string, number>();
    for (const r of rows)
      loss.set(r.site_id!, (loss.get(r.site_id!) ?? 0) + Number(r.book_qty) - Number(r.counted_qty));
    const planted = events.filter((e) => e.event_type === 'stocktake_shrinkage');
    expect(planted.length).toBe(1);
    const worst = [...loss].sort((a, b) => b[1] - a[1])[0]!;
    expect(worst[0]).toBe(planted[0]!.site_id);
    expect(worst[1]).toBeGreaterThan(20);
  });
});

describe('resends and corrections', () => {
  it('counts in the summary the rows of every distinct batch', async () => {
    for (const table of [
      DELIVERIES,
      PRICES,
      STOCKTAKE,
      FINANCE,
      TRANSACTIONS,
      SHAREHOLDERS,
      AID,
      HR,
      CAMERAS,
      CONTRACTORS,
    ]) {
      let rows = 0;
      for (const file of files.filter(
        (f) => path.basename(f).includes(`__${table.feed}__`) && !/__00[2-9]\./.test(f),
      )) {
        rows += (await readFeedFile(table, await readFile(file), path.extname(file).slice(1))).length;
      }
      expect(rows, table.feed).toBe(summary.rows[table.feed]);
    }
  });

  it('lists every resent and corrected file in the truth, and they exist', async () => {
    const names = new Set(files.map((f) => path.basename(f)));
    const listed = events.filter((e) => e.event_type === 'resent_file' || e.event_type === 'corrected_file');
    expect(listed.length).toBeGreaterThan(0);
    for (const e of listed) expect(names.has(/file=([^;]+)/.exec(e.detail!)![1]!)).toBe(true);
    expect([...names].filter((n) => /__00[2-9]/.test(n)).length).toBe(listed.length);
  });
});

const planted = (type: string): Record<string, string>[] => events.filter((e) => e.event_type === type);
const field = (e: Record<string, string>, key: string): string =>
  new RegExp(`(?:^|;)${key}=([^;]*)`).exec(e.detail ?? '')?.[1] ?? '';

describe('finance', () => {
  it("balances every entry and books each day's takings as the sales feed shows them", async () => {
    const rows = await feedRows(FINANCE);
    const balance = new Map<string, number>();
    for (const r of rows)
      balance.set(
        r.entry_id!,
        (balance.get(r.entry_id!) ?? 0) +
          Math.round(Number(r.debit_kwd) * 1000) -
          Math.round(Number(r.credit_kwd) * 1000),
      );
    expect([...balance].filter(([, v]) => v !== 0)).toEqual([]);
    const revenue = rows
      .filter((r) => r.account_code === '4110')
      .reduce((s, r) => s + Math.round(Number(r.credit_kwd) * 1000), 0);
    expect(revenue).toBeGreaterThan(0);
  });

  it('books the planted duplicate invoice twice and pays it twice, and the refunds just under the limit', async () => {
    const rows = await feedRows(FINANCE);
    const dup = planted('duplicate_invoice');
    expect(dup.length).toBeGreaterThanOrEqual(1);
    for (const e of dup) {
      const booked = new Set(
        rows
          .filter(
            (r) => r.document_no === field(e, 'invoice_no') && r.account_code === '2110' && Number(r.credit_kwd) > 0,
          )
          .map((r) => r.entry_id),
      );
      expect(booked.size).toBe(2);
    }
    const [refunds] = planted('suspicious_refunds');
    const mine = rows.filter((r) => r.account_code === '4120' && r.counterparty === field(refunds!, 'employee_id'));
    const underLimit = mine.filter((r) => Number(r.debit_kwd) >= 17.5 && Number(r.debit_kwd) < 20);
    expect(underLimit.length).toBe(Number(field(refunds!, 'refunds')));
    const others = rows.filter(
      (r) =>
        r.account_code === '4120' &&
        r.counterparty !== field(refunds!, 'employee_id') &&
        Number(r.debit_kwd) >= 17.5 &&
        Number(r.debit_kwd) < 20,
    );
    expect(others.length).toBeLessThan(underLimit.length / 3);
  });
});

describe('transactions', () => {
  it('lists exactly the statuses held more than two working days as stalled', async () => {
    const rows = (await feedRows(TRANSACTIONS)).sort(
      (a, b) => a.transaction_id!.localeCompare(b.transaction_id!) || a.status_at!.localeCompare(b.status_at!),
    );
    const stalled = new Set<string>();
    rows.forEach((r, i) => {
      if (r.status === 'approved' || r.status === 'rejected') return;
      const next =
        rows[i + 1]?.transaction_id === r.transaction_id ? rows[i + 1]!.status_at!.slice(0, 10) : '2025-06-30';
      if (workingDaysBetween(r.status_at!.slice(0, 10), next) > 2)
        stalled.add(`${r.transaction_id}|${r.status}|${r.status_at!.slice(0, 10)}`);
    });
    const truth = new Set(
      planted('stalled_transaction').map((e) => `${field(e, 'transaction_id')}|${field(e, 'status')}|${e.start_date}`),
    );
    expect(truth.size).toBeGreaterThan(0);
    expect(stalled).toEqual(truth);
  });
});

describe('people: shareholders, aid and hr', () => {
  it('gives every person a civil ID that passes the check digit', async () => {
    const ids = [...(await feedRows(SHAREHOLDERS)), ...(await feedRows(AID)), ...(await feedRows(HR))].map(
      (r) => r.civil_id!,
    );
    expect(ids.length).toBeGreaterThan(500);
    expect(ids.filter((id) => !isValidCivilId(id))).toEqual([]);
  });

  it('shows aid paid twice where the truth says', async () => {
    const rows = await feedRows(AID);
    const twice = planted('aid_paid_twice');
    expect(twice.length).toBeGreaterThanOrEqual(2);
    for (const e of twice) {
      const paid = rows.filter((r) => r.civil_id === field(e, 'civil_id') && r.aid_type === field(e, 'aid_type'));
      const months = new Map<string, Set<string>>();
      for (const r of paid)
        months.set(
          r.payment_date!.slice(0, 7),
          (months.get(r.payment_date!.slice(0, 7)) ?? new Set()).add(r.payment_id!),
        );
      expect([...months.values()].some((s) => s.size >= 2)).toBe(true);
    }
  });

  it('has the planted duplicate member on two registers and transfers reported by both co-ops', async () => {
    const rows = await feedRows(SHAREHOLDERS);
    for (const e of planted('duplicate_membership')) {
      expect(new Set(rows.filter((r) => r.civil_id === field(e, 'civil_id')).map((r) => r.coop_id))).toEqual(
        new Set([e.coop_id, field(e, 'other_coop_id')]),
      );
    }
    const outs = rows.filter((r) => r.event_type === 'transfer_out');
    expect(outs.length).toBeGreaterThan(0);
    for (const o of outs)
      expect(
        rows.some((r) => r.event_type === 'transfer_in' && r.civil_id === o.civil_id && r.coop_id === o.other_coop_id),
      ).toBe(true);
  });

  it('snapshots staff every quarter with Kuwaitis, supervisors and the rest', async () => {
    const rows = await feedRows(HR);
    expect(new Set(rows.map((r) => r.snapshot_date))).toEqual(new Set(['2025-06-30'])); // the span starts in April: one quarter
    const share = rows.filter((r) => r.nationality === 'KW').length / rows.length;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.6);
    expect(rows.some((r) => r.is_supervisory === 'true')).toBe(true);
  });
});

describe('cameras and contractors', () => {
  it('shows the planted camera outage as an offline spell of days', async () => {
    const rows = await feedRows(CAMERAS);
    for (const e of planted('camera_outage')) {
      const offline = rows.find(
        (r) => r.camera_id === field(e, 'camera_id') && r.status === 'offline' && r.event_at!.startsWith(e.start_date!),
      );
      expect(offline).toBeDefined();
    }
    expect(planted('camera_outage').length).toBeGreaterThanOrEqual(1);
  });

  it('rates the planted contractor 1–2 from its quarter on, and others mostly 3 and up', async () => {
    const rows = await feedRows(CONTRACTORS);
    const [poor] = planted('poor_contractor');
    const theirs = rows.filter(
      (r) => r.contractor_id === field(poor!, 'contractor_id') && r.rating_period_end! >= poor!.start_date!,
    );
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((r) => Number(r.rating) <= 2)).toBe(true);
    expect(
      rows.filter((r) => r.contractor_id !== field(poor!, 'contractor_id')).every((r) => Number(r.rating) >= 3),
    ).toBe(true);
  });
});
