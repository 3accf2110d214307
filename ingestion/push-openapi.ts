/** OpenAPI 3.1 description of the push endpoint, served at GET /v1/openapi.json. */
import { FEEDS } from './feeds';

const authHeaders = [
  {
    name: 'x-rabt-key-id',
    in: 'header',
    required: true,
    schema: { type: 'string', example: 'C001' },
    description: 'The co-op id whose key signs the request.',
  },
  {
    name: 'x-rabt-timestamp',
    in: 'header',
    required: true,
    schema: { type: 'string', example: '1750000000' },
    description: 'Unix seconds; refused when more than 300 s from the server clock.',
  },
  {
    name: 'x-rabt-signature',
    in: 'header',
    required: true,
    schema: { type: 'string', example: 'v1=5d41402abc4b2a76b9719d911017c592…' },
    description:
      'v1= then hex HMAC-SHA256 with the co-op key over: timestamp, "\\n", method, "\\n", path with query, "\\n", body bytes. A POST signature is single use.',
  },
];

const error = { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] };

const ledgerRow = {
  type: 'object',
  properties: {
    batch_id: { type: 'string' },
    coop_id: { type: 'string' },
    feed: { type: 'string' },
    vendor: { type: 'string' },
    file_name: { type: 'string' },
    checksum_sha256: { type: 'string' },
    business_date: { type: 'string', format: 'date' },
    received_at: { type: 'string', format: 'date-time' },
    rows_in: { type: 'integer' },
    rows_landed: { type: 'integer' },
    rows_quarantined: { type: 'integer' },
    status: { type: 'string', enum: ['landed', 'rejected', 'superseded'] },
    supersedes_batch_id: { type: ['string', 'null'] },
    reject_reason: { type: ['string', 'null'], description: 'Why the batch was refused whole (rejected only)' },
  },
};

export const PUSH_OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Rabt batch push',
    version: '1.0.0',
    description:
      'For co-op systems that push batches instead of dropping files in the inbox. A body is exactly what the file would hold ' +
      '(vendor A/B CSV in UTF-8 or Windows-1256, vendor C JSON Lines) and goes through the same validation, quarantine and ledger.',
  },
  paths: {
    '/v1/batches/{feed}': {
      post: {
        summary: 'Push one batch of a feed for one co-op and business date',
        parameters: [
          { name: 'feed', in: 'path', required: true, schema: { type: 'string', enum: Object.keys(FEEDS) } },
          {
            name: 'coop_id',
            in: 'query',
            required: true,
            schema: { type: 'string', pattern: '^C\\d{3,}$' },
            description: 'Must be the key id.',
          },
          { name: 'business_date', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
          { name: 'seq', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
          {
            name: 'correction',
            in: 'query',
            schema: { type: 'string', enum: ['true', 'false'], default: 'false' },
            description: 'true supersedes the current batch of this co-op, feed and day.',
          },
          {
            name: 'format',
            in: 'query',
            schema: { type: 'string', enum: ['csv', 'jsonl', 'xlsx'] },
            description: 'Default from Content-Type (spreadsheetml → xlsx, json → jsonl, else csv).',
          },
          ...authHeaders,
        ],
        requestBody: {
          required: true,
          content: {
            'text/csv': { schema: { type: 'string', format: 'binary' } },
            'application/x-ndjson': { schema: { type: 'string', format: 'binary' } },
          },
        },
        responses: {
          '202': {
            description: 'Accepted; ingestion follows. Poll status_url.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    batch_id: { type: 'string' },
                    status: { const: 'accepted' },
                    status_url: { type: 'string' },
                  },
                },
              },
            },
          },
          '200': {
            description: 'This exact batch already landed; nothing new.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { batch_id: { type: 'string' }, status: { const: 'duplicate' } },
                },
              },
            },
          },
          '400': {
            description: 'Bad query (coop_id, business_date, seq).',
            content: { 'application/json': { schema: error } },
          },
          '401': {
            description: 'Missing headers, signature that does not verify, or stale timestamp.',
            content: { 'application/json': { schema: error } },
          },
          '403': {
            description: 'The key belongs to another co-op than coop_id.',
            content: { 'application/json': { schema: error } },
          },
          '404': { description: 'Unknown feed.', content: { 'application/json': { schema: error } } },
          '409': {
            description: 'Replayed request (signature already used).',
            content: { 'application/json': { schema: error } },
          },
          '413': {
            description: 'Body larger than the server accepts.',
            content: { 'application/json': { schema: error } },
          },
        },
      },
    },
    '/v1/batches/{id}': {
      get: {
        summary: "A batch's ledger row",
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{24}$' } },
          ...authHeaders,
        ],
        responses: {
          '200': {
            description: 'The ledger row (landed or rejected).',
            content: { 'application/json': { schema: ledgerRow } },
          },
          '202': {
            description: 'Accepted, not yet ingested (status pending), or ingestion failed (status failed, reason).',
          },
          '401': { description: 'Authentication failed.', content: { 'application/json': { schema: error } } },
          '404': { description: 'No such batch for this co-op.', content: { 'application/json': { schema: error } } },
        },
      },
    },
  },
} as const;
