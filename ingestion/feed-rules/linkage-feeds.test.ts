import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ingestInbox } from '../ingest';
import { makeWorkspace, OIL, query, RICE, type Workspace } from '../test-fixtures';

const sq = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const rows = (ws: Workspace, area: 'raw' | 'quarantine', feed: string, select: string) =>
  query(
    `SELECT ${select} FROM read_parquet(${sq(join(ws.lake, area, feed, '**', '*.parquet'))}, hive_partitioning = false) ORDER BY ALL`,
  );

// Valid civil IDs (check digit by the contract's weights); the second one's last digit is wrong.
const CIVIL_OK = '290123100077';
const CIVIL_BAD = '290123100078';

describe('linkage feeds: each vendor format lands typed, bad rows are quarantined with a reason', () => {
  it('finance: KWD from A, decimal comma from B, fils from C; a head-office cost centre; a line with debit and credit', async () => {
    const ws = makeWorkspace();
    ws.put(
      'C001/C001__finance__20250630__001.csv',
      [
        'coop_id,entry_id,entry_date,account_code,cost_center,debit_kwd,credit_kwd,document_no,counterparty,description',
        'C001,JE-1,2025-06-01,1110,C001-M,12.500,0.000,Z-1,,daily_sales',
        'C001,JE-1,2025-06-01,4110,C001,0.000,12.500,Z-1,,daily_sales',
        'C001,JE-2,2025-06-02,5210,C009-M,1.000,0.000,SAL-1,E-1,salaries',
        'C001,JE-3,2025-06-02,5210,C001-M,1.000,1.000,SAL-2,E-1,salaries',
      ].join('\n'),
    );
    const b = [
      'رقم الجمعية,رقم القيد,تاريخ القيد,رقم الحساب,مركز التكلفة,مدين,دائن,رقم المستند,الطرف المقابل,البيان',
      'C002,JE-9,01/06/2025,1110,C002-M,"1841,375","0,000",Z-9,,daily_sales',
    ];
    ws.put('C002/C002__finance__20250630__001.csv', iconv.encode(b.join('\r\n'), 'windows-1256'));
    ws.put(
      'C003/C003__finance__20250630__001.jsonl',
      '{"coop":"C003","entry":"JE-5","date":"2025-06-01","account":"4110","cost_center":"C003-M","debit_fils":0,"credit_fils":2393435,"document":"Z-5","counterparty":"","memo":"daily_sales"}\n',
    );
    const summary = await ingestInbox({ inboxDir: ws.inbox, lakeDir: ws.lake, referenceDir: ws.reference });
    expect(summary).toMatchObject({ files: 3, batches: 3, rows_in: 6, rows_landed: 4, rows_quarantined: 2 });
    expect(summary.reasons).toEqual({ unknown_site: 1, bad_amount: 1 });
    expect(
      await rows(
        ws,
        'raw',
        'finance',
        `coop_id, entry_id, CAST(entry_date AS VARCHAR) AS d, cost_center, CAST(debit_kwd AS VARCHAR) AS dr, CAST(credit_kwd AS VARCHAR) AS cr, counterparty`,
      ),
    ).toEqual([
      {
        coop_id: 'C001',
        entry_id: 'JE-1',
        d: '2025-06-01',
        cost_center: 'C001',
        dr: '0.000',
        cr: '12.500',
        counterparty: null,
      },
      {
        coop_id: 'C001',
        entry_id: 'JE-1',
        d: '2025-06-01',
        cost_center: 'C001-M',
        dr: '12.500',
        cr: '0.000',
        counterparty: null,
      },
      {
        coop_id: 'C002',
        entry_id: 'JE-9',
        d: '2025-06-01',
        cost_center: 'C002-M',
        dr: '1841.375',
        cr: '0.000',
        counterparty: null,
      },
      {
        coop_id: 'C003',
        entry_id: 'JE-5',
        d: '2025-06-01',
        cost_center: 'C003-M',
        dr: '0.000',
        cr: '2393.435',
        counterparty: null,
      },
    ]);
  });

  it('transactions: Kuwait time from A offsets, B wall clock and C UTC; unknown codes are bad values', async () => {
    const ws = makeWorkspace();
    ws.put(
      'C001/C001__transactions__20250607__001.csv',
      'coop_id,transaction_id,request_type,status,status_at,actor\nC001,T-1,tender_approval,submitted,2025-06-01T08:33:00+03:00,coop\nC001,T-1,tender_approval,lost,2025-06-02T08:33:00+03:00,ministry\n',
    );
    ws.put(
      'C002/C002__transactions__20250607__001.csv',
      iconv.encode(
        'رقم الجمعية,رقم المعاملة,نوع الطلب,الحالة,وقت الحالة,الجهة\r\nC002,T-2,board_minutes,approved,03/06/2025 14:05,ministry\r\n',
        'windows-1256',
      ),
    );
    ws.put(
      'C003/C003__transactions__20250607__001.jsonl',
      '{"coop":"C003","transaction":"T-3","type":"branch_license","status":"returned","at":"2025-06-04T21:30:00Z","actor":"ministry"}\n',
    );
    const summary = await ingestInbox({ inboxDir: ws.inbox, lakeDir: ws.lake, referenceDir: ws.reference });
    expect(summary).toMatchObject({ rows_in: 4, rows_landed: 3, rows_quarantined: 1, reasons: { bad_value: 1 } });
    expect(await rows(ws, 'raw', 'transactions', 'transaction_id, status, CAST(status_at AS VARCHAR) AS at')).toEqual([
      { transaction_id: 'T-1', status: 'submitted', at: '2025-06-01 08:33:00' },
      { transaction_id: 'T-2', status: 'approved', at: '2025-06-03 14:05:00' },
      { transaction_id: 'T-3', status: 'returned', at: '2025-06-05 00:30:00' },
    ]);
    const [bad] = await rows(ws, 'quarantine', 'transactions', 'source_row, reason_detail');
    expect(bad).toEqual({ source_row: 3, reason_detail: expect.stringContaining("'lost' is not one of") });
  });

  it('shareholders and hr: civil ID check digits, transfers name the other co-op, old registrations, نعم/لا', async () => {
    const ws = makeWorkspace();
    ws.put(
      'C001/C001__shareholders__20250630__001.csv',
      [
        'coop_id,event_id,civil_id,event_type,event_date,shares,area_id,other_coop_id,amount_kwd',
        `C001,SH-1,${CIVIL_OK},register,1996-04-09,90,A-KU-01,,0.000`,
        `C001,SH-2,${CIVIL_BAD},join,2025-06-10,35,A-KU-01,,0.000`,
        `C001,SH-3,${CIVIL_OK},transfer_out,2025-06-11,35,A-KU-01,,0.000`,
        `C001,SH-4,${CIVIL_OK},transfer_out,2025-06-12,35,A-KU-01,C077,0.000`,
      ].join('\n'),
    );
    ws.put(
      'C002/C002__hr__20250630__001.csv',
      `\uFEFFرقم الجمعية,الرقم الوظيفي,الرقم المدني,رقم الموقع,الجنسية,المسمى الوظيفي,وظيفة إشرافية,تاريخ التعيين,تاريخ الكشف,الراتب الشهري\r\n` +
        `C002,E-1,${CIVIL_OK},C002,KW,general_manager,نعم,١٥/٠٣/١٩٩٨,٣٠/٠٦/٢٠٢٥,1500.000\r\nC002,E-2,${CIVIL_OK},C002-M,IN,cashier,لا,01/01/2024,30/06/2025,300.000\r\n`,
    );
    const summary = await ingestInbox({ inboxDir: ws.inbox, lakeDir: ws.lake, referenceDir: ws.reference });
    expect(summary).toMatchObject({ rows_in: 6, rows_landed: 3, rows_quarantined: 3 });
    expect(summary.reasons).toEqual({ bad_civil_id: 1, missing_value: 1, unknown_coop: 1 });
    expect(await rows(ws, 'raw', 'shareholders', 'event_id, CAST(event_date AS VARCHAR) AS d')).toEqual([
      { event_id: 'SH-1', d: '1996-04-09' },
    ]);
    expect(
      await rows(
        ws,
        'raw',
        'hr',
        'employee_id, site_id, is_supervisory, CAST(hire_date AS VARCHAR) AS hired, CAST(monthly_salary_kwd AS VARCHAR) AS pay',
      ),
    ).toEqual([
      { employee_id: 'E-1', site_id: 'C002', is_supervisory: true, hired: '1998-03-15', pay: '1500.000' },
      { employee_id: 'E-2', site_id: 'C002-M', is_supervisory: false, hired: '2024-01-01', pay: '300.000' },
    ]);
  });

  it('deliveries, stocktake and prices land with product ids; unknown suppliers and negative counts do not', async () => {
    const ws = makeWorkspace();
    ws.put(
      'C001/C001__deliveries__20250607__001.csv',
      `coop_id,delivery_id,site_id,supplier_id,barcode,delivery_date,quantity,unit_cost_kwd,invoice_no\nC001,DN-1,C001-W,S01,${RICE},2025-06-02,25,0.206,INV-1\nC001,DN-2,C001-W,S99,${OIL},2025-06-02,5,0.390,INV-2\n`,
    );
    ws.put(
      'C003/C003__stocktake__20250626__001.jsonl',
      `{"coop":"C003","site":"C003-M","gtin":"${RICE}","date":"2025-06-26","book":8,"counted":7}\n{"coop":"C003","site":"C003-M","gtin":"${OIL}","date":"2025-06-26","book":3,"counted":-1}\n`,
    );
    ws.put(
      'C001/C001__prices__20250607__001.csv',
      `coop_id,site_id,barcode,effective_date,price_kwd,reason\nC001,C001-B01,${OIL},2025-06-03,1.100,promotion\n`,
    );
    const summary = await ingestInbox({ inboxDir: ws.inbox, lakeDir: ws.lake, referenceDir: ws.reference });
    expect(summary).toMatchObject({
      rows_in: 5,
      rows_landed: 3,
      rows_quarantined: 2,
      reasons: { unknown_supplier: 1, negative_quantity: 1 },
    });
    expect(await rows(ws, 'raw', 'deliveries', 'product_id, quantity, CAST(unit_cost_kwd AS VARCHAR) AS cost')).toEqual(
      [{ product_id: RICE, quantity: 25, cost: '0.206' }],
    );
    expect(await rows(ws, 'raw', 'stocktake', 'product_id, book_qty, counted_qty')).toEqual([
      { product_id: RICE, book_qty: 8, counted_qty: 7 },
    ]);
    expect(await rows(ws, 'raw', 'prices', 'site_id, CAST(price_kwd AS VARCHAR) AS p, reason')).toEqual([
      { site_id: 'C001-B01', p: '1.100', reason: 'promotion' },
    ]);
  });
});
