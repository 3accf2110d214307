import { batchesQuery, quarantineQuery, selectedBatch, toBatchRows, toQuarantineRows } from './batch-lineage';

const batch = (id: string, feed: string, minute: string, extra: Record<string, unknown> = {}) => ({
  'audit_batches.batch_id': id,
  'audit_batches.feed': feed,
  'audit_batches.vendor': 'B',
  'audit_batches.file_name': `C027__${feed}__20250621__001.csv`,
  'audit_batches.batch_status': 'landed',
  'audit_batches.rows_in': '94',
  'audit_batches.rows_landed': '93',
  'audit_batches.rows_quarantined': '1',
  'audit_batches.supersedes_batch_id': null,
  'audit_batches.superseded_by_batch_id': null,
  'audit_batches.business_date.day': '2025-06-21T00:00:00.000',
  'audit_batches.received_at.minute': minute,
  ...extra,
});

describe('batch lineage queries', () => {
  it("asks the co-op's batches of one Kuwaiti day, received time on Kuwait's clock", () => {
    const q = batchesQuery({ coopId: 'C027', day: '2025-06-21' });
    expect(q.filters).toEqual([{ member: 'audit_batches.coop_id', operator: 'equals', values: ['C027'] }]);
    expect(q.timeDimensions).toEqual([
      { dimension: 'audit_batches.business_date', dateRange: ['2025-06-21', '2025-06-21'], granularity: 'day' },
      { dimension: 'audit_batches.received_at', granularity: 'minute' },
    ]);
    expect(q.dimensions).toEqual(
      expect.arrayContaining([
        'audit_batches.file_name',
        'audit_batches.vendor',
        'audit_batches.batch_status',
        'audit_batches.rows_quarantined',
      ]),
    );
  });

  it("asks one batch's refused rows in file order, raw text included", () => {
    const q = quarantineQuery('452698e7e6e6d4c6903423f0');
    expect(q.filters).toEqual([
      { member: 'audit_quarantine.batch_id', operator: 'equals', values: ['452698e7e6e6d4c6903423f0'] },
    ]);
    expect(q.dimensions).toContain('audit_quarantine.raw_text');
    expect(q.order).toEqual({ 'audit_quarantine.source_row': 'asc' });
  });

  it('asks only the two auditor views', () => {
    const all = [batchesQuery({ coopId: 'C1', day: '2025-01-01' }), quarantineQuery('b')];
    expect(new Set((JSON.stringify(all).match(/"(\w+)\.\w+/g) ?? []).map((m) => m.slice(1).split('.')[0]))).toEqual(
      new Set(['audit_batches', 'audit_quarantine']),
    );
  });
});

describe('toBatchRows', () => {
  it('maps a batch with its file, counts, status and the batch that replaced it', () => {
    const [row] = toBatchRows([
      batch('452698e7e6e6d4c6903423f0', 'deliveries', '2026-11-23T15:55:00.000', {
        'audit_batches.batch_status': 'superseded',
        'audit_batches.superseded_by_batch_id': 'ba5d02e8a326c896ed77f0e2',
      }),
    ]);
    expect(row).toEqual({
      id: '452698e7e6e6d4c6903423f0',
      feed: 'deliveries',
      vendor: 'B',
      fileName: 'C027__deliveries__20250621__001.csv',
      status: 'superseded',
      rejectCode: null,
      rejectReason: null,
      receivedAt: '2026-11-23T15:55:00.000',
      rowsIn: 94,
      rowsLanded: 93,
      rowsQuarantined: 1,
      supersedes: null,
      supersededBy: 'ba5d02e8a326c896ed77f0e2',
    });
  });

  it('puts the sales files first, then each feed by name, each in arrival order', () => {
    const rows = toBatchRows([
      batch('s2', 'stock', '2025-06-22T01:00:00.000'),
      batch('d1', 'deliveries', '2025-06-22T03:00:00.000'),
      batch('a2', 'sales', '2025-06-22T02:00:00.000'),
      batch('z1', 'sales', '2025-06-22T01:00:00.000'),
      batch('s1', 'stock', '2025-06-22T00:30:00.000'),
    ]);
    expect(rows.map((r) => r.id)).toEqual(['z1', 'a2', 'd1', 's1', 's2']);
    expect(toBatchRows([batch('s1', 'stock', 'x'), batch('d1', 'deliveries', 'x')], 'stock').map((r) => r.id)).toEqual([
      's1',
      'd1',
    ]);
  });

  it('keeps a rejected file with no rows and no received time as unknown, not zero', () => {
    const [row] = toBatchRows([
      batch('r1', 'finance', '', {
        'audit_batches.batch_status': 'rejected',
        'audit_batches.rows_in': '0',
        'audit_batches.rows_quarantined': null,
      }),
    ]);
    expect(row).toMatchObject({ status: 'rejected', rowsIn: 0, rowsQuarantined: null, receivedAt: null });
  });

  it('carries why a file was rejected, code and whole text', () => {
    const reason = "unrecognised_header: no column of the sales feed in the first line 'a,b,c'";
    const [row] = toBatchRows([
      batch('r1', 'sales', 'x', {
        'audit_batches.batch_status': 'rejected',
        'audit_batches.reject_code': 'unrecognised_header',
        'audit_batches.reject_reason': reason,
      }),
    ]);
    expect(row).toMatchObject({ status: 'rejected', rejectCode: 'unrecognised_header', rejectReason: reason });
  });

  it("finds the batch a link names only among the day's batches", () => {
    const rows = toBatchRows([batch('b1', 'sales', 'x')]);
    expect(selectedBatch(rows, 'b1')?.id).toBe('b1');
    expect(selectedBatch(rows, 'other-day')).toBeNull();
    expect(selectedBatch(rows, null)).toBeNull();
  });
});

describe('toQuarantineRows', () => {
  it('keeps the raw text as sent, in file order', () => {
    const rows = toQuarantineRows([
      {
        'audit_quarantine.quarantined_row_key': 'k20',
        'audit_quarantine.source_row': '20',
        'audit_quarantine.reason_code': 'bad_amount',
        'audit_quarantine.reason_detail': 'not a number',
        'audit_quarantine.raw_text': 'C027,"0,634"',
      },
      {
        'audit_quarantine.quarantined_row_key': 'k3',
        'audit_quarantine.source_row': 3,
        'audit_quarantine.reason_code': 'duplicate_row',
        'audit_quarantine.reason_detail': null,
        'audit_quarantine.raw_text': '{"civil_id":"263051312703"}',
      },
    ]);
    expect(rows).toEqual([
      { id: 'k3', sourceRow: 3, reasonCode: 'duplicate_row', reasonDetail: '', rawText: '{"civil_id":"263051312703"}' },
      { id: 'k20', sourceRow: 20, reasonCode: 'bad_amount', reasonDetail: 'not a number', rawText: 'C027,"0,634"' },
    ]);
  });
});
