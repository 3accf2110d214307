import { batchIdFor, sha256Hex } from './batch-id';

const key = { coopId: 'C001', feed: 'sales', businessDate: '2025-06-14' };
const body = Buffer.from('coop_id,branch_id\n');

describe('batchIdFor', () => {
  it('is the same for the same content and batch key', () => {
    expect(batchIdFor(key, body)).toBe(batchIdFor({ ...key }, Buffer.from(body)));
    expect(batchIdFor(key, body)).toMatch(/^[0-9a-f]{24}$/);
  });

  it.each([
    ['another co-op', { ...key, coopId: 'C002' }, body],
    ['another feed', { ...key, feed: 'stock' }, body],
    ['another day', { ...key, businessDate: '2025-06-15' }, body],
    ['other content', key, Buffer.from('coop_id,branch_id\nC001,C001-M\n')],
  ])('differs for %s', (_label, otherKey, otherBody) => {
    expect(batchIdFor(otherKey, otherBody)).not.toBe(batchIdFor(key, body));
  });
});

describe('sha256Hex', () => {
  it('is the standard digest', () => {
    expect(sha256Hex(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
