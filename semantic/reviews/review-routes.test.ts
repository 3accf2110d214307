import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { issueToken } from '../tokens';
import { reviewLogPath, reviewRoutes } from './review-routes';

const SECRET = 'test-secret-of-enough-length-for-hs256-0123456789';
let app: FastifyInstance;
let dataDir: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rabt-review-routes-'));
  app = Fastify();
  await app.register(reviewRoutes, { apiSecret: SECRET, logPath: reviewLogPath(dataDir) });
});
afterEach(async () => {
  await app.close();
});

const bearer = async (role: 'auditor' | 'leadership' | 'controller') =>
  `Bearer ${(await issueToken({ role }, SECRET)).token}`;
const body = { anomaly_id: 'A-1', status: 'confirmed', comment: 'price 40% over list on 3 days', reviewer: 'Noura' };

describe('review routes', () => {
  it('keeps an auditor review and gives it back with role and time', async () => {
    const post = await app.inject({
      method: 'POST',
      url: '/api/reviews',
      headers: { authorization: await bearer('auditor') },
      payload: body,
    });
    expect(post.statusCode).toBe(201);
    const kept = post.json();
    expect(kept).toMatchObject({ ...body, role: 'auditor' });
    expect(Date.parse(kept.reviewed_at)).not.toBeNaN();
    // A second server over the same data dir (a restart) reads it back.
    const again = Fastify();
    await again.register(reviewRoutes, { apiSecret: SECRET, logPath: reviewLogPath(dataDir) });
    const get = await again.inject({
      method: 'GET',
      url: '/api/reviews',
      headers: { authorization: await bearer('auditor') },
    });
    await again.close();
    expect(get.statusCode).toBe(200);
    expect(get.json().reviews).toEqual([kept]);
  });

  it.each([
    ['no token', undefined, 403],
    ['a forged token', 'Bearer abc.def.ghi', 403],
    ['leadership', 'leadership', 403],
    ['controller', 'controller', 403],
  ] as const)('refuses %s', async (_, who, code) => {
    const authorization =
      who === undefined ? undefined : who.startsWith('Bearer') ? who : await bearer(who as 'leadership' | 'controller');
    const headers = authorization ? { authorization } : {};
    expect((await app.inject({ method: 'POST', url: '/api/reviews', headers, payload: body })).statusCode).toBe(code);
    expect((await app.inject({ method: 'GET', url: '/api/reviews', headers })).statusCode).toBe(code);
  });

  it.each([
    [{ ...body, status: 'maybe' }],
    [{ ...body, comment: '   ' }],
    [{ ...body, reviewer: '' }],
    [{ status: 'reviewed', comment: 'x', reviewer: 'y' }],
  ])('refuses %j with 400 and keeps nothing', async (payload) => {
    const authorization = await bearer('auditor');
    expect(
      (await app.inject({ method: 'POST', url: '/api/reviews', headers: { authorization }, payload })).statusCode,
    ).toBe(400);
    expect(
      (await app.inject({ method: 'GET', url: '/api/reviews', headers: { authorization } })).json().reviews,
    ).toEqual([]);
  });
});
