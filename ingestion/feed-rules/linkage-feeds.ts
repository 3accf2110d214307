import { LINKAGE_FEED_CONTRACTS, type LinkageFeedName } from '../../domain/feed-contracts';
import { columnFeedRules, type ColumnFeedJudging } from './column-feed';

/**
 * The feeds after sales and stock: their columns, references, allowed values and keys are the
 * contract (domain/feed-contracts.ts); what ingestion adds is how a duplicate reads and the
 * rules that look at more than one column.
 */
const JUDGING: Record<LinkageFeedName, ColumnFeedJudging> = {
  deliveries: { duplicateDetail: 'same delivery note and product as an earlier row of this file' },
  prices: { duplicateDetail: 'same site, product and effective date as an earlier row of this file' },
  stocktake: { duplicateDetail: 'same site, product and count date as an earlier row of this file' },
  finance: {
    duplicateDetail:
      'same entry, account, cost centre, amounts, document and counterparty as an earlier line of this file',
    rules: [
      {
        code: 'bad_amount',
        when: '(v_debit_kwd = 0) = (v_credit_kwd = 0)',
        detail: `'a ledger line has either a debit or a credit, not ' || f_debit_kwd || ' and ' || f_credit_kwd`,
      },
    ],
  },
  transactions: { duplicateDetail: 'same transaction, status and time as an earlier row of this file' },
  shareholders: {
    duplicateDetail: 'same register event as an earlier row of this file',
    rules: [
      {
        code: 'missing_value',
        when: `v_event_type IN ('transfer_in', 'transfer_out') AND f_other_coop_id IS NULL`,
        detail: `'a transfer names the other co-op'`,
      },
    ],
  },
  aid: { duplicateDetail: 'same payment as an earlier row of this file' },
  hr: {
    duplicateDetail: 'same employee and snapshot date as an earlier row of this file',
    rules: [
      {
        code: 'bad_value',
        when: `NOT regexp_full_match(f_nationality, '[A-Z]{2}')`,
        detail: `'nationality ''' || f_nationality || ''' is not an ISO 3166 alpha-2 code'`,
      },
    ],
  },
  cameras: { duplicateDetail: 'same camera and time as an earlier row of this file' },
  contractors: {
    duplicateDetail: 'same contract and rating period as an earlier row of this file',
    rules: [
      {
        code: 'bad_date',
        when: 'v_end_date < v_start_date',
        detail: `'contract ends ' || f_end_date || ' before it starts ' || f_start_date`,
      },
    ],
  },
};

export const LINKAGE_FEED_RULES = Object.fromEntries(
  LINKAGE_FEED_CONTRACTS.map((contract) => [contract.feed, columnFeedRules(contract, JUDGING[contract.feed])]),
);
