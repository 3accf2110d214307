import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { verifyToken } from './tokens';
import { startWebServer, type RunningWebServer } from './web-server';

const secret = 'test-secret-'.padEnd(64, 'w');
let dir: string;
let web: RunningWebServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rabt-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html dir="rtl"><body>rabt-dashboards</body></html>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("rabt")');
  web = await startWebServer({
    port: 0,
    distDir: dir,
    apiSecret: secret,
    cubeApiUrl: 'http://localhost:4000/cubejs-api/v1',
    tokenTtlSeconds: 600,
  });
});

afterAll(async () => {
  await web.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${web.url}${path}`);

describe('web server', () => {
  it('serves the dashboards, their assets, and index.html for client-side routes', async () => {
    expect(await (await get('/')).text()).toContain('rabt-dashboards');
    expect(await (await get('/assets/app.js')).text()).toContain('rabt');
    const deep = await get('/crisis/governorate/KW-JA');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('dir="rtl"');
  });

  it('tells the dashboards where Cube is', async () => {
    expect(await (await get('/api/config')).json()).toEqual({ cubeApiUrl: 'http://localhost:4000/cubejs-api/v1' });
  });

  it('issues expiring HS256 demo tokens that verify with the shared secret', async () => {
    const res = await get('/api/token?role=planner');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; role: string; expires_at: string; coop_id?: string };
    expect(body.role).toBe('planner');
    expect(body.coop_id).toBeUndefined();
    const claims = decodeJwt(body.token);
    expect(claims.exp).toBe(Date.parse(body.expires_at) / 1000);
    expect((claims.exp as number) - Date.now() / 1000).toBeGreaterThan(590);
    expect((claims.exp as number) - Date.now() / 1000).toBeLessThanOrEqual(600);
    await expect(verifyToken(body.token, secret)).resolves.toMatchObject({ role: 'planner' });
    await expect(verifyToken(body.token, 'another-secret'.padEnd(64, 'x'))).rejects.toThrow(/Invalid token/);
  });

  it('issues board tokens bound to a co-op, and only with one', async () => {
    const ok = (await (await get('/api/token?role=coop_board&coop_id=C007')).json()) as {
      token: string;
      coop_id: string;
    };
    expect(ok.coop_id).toBe('C007');
    expect(await verifyToken(ok.token, secret)).toMatchObject({ role: 'coop_board', coop_id: 'C007' });
    expect((await get('/api/token?role=coop_board')).status).toBe(400);
    expect((await get('/api/token?role=coop_board&coop_id=DROP%20TABLE')).status).toBe(400);
  });

  it('refuses unknown roles and does not fall back to the page for /api paths', async () => {
    expect((await get('/api/token?role=admin')).status).toBe(400);
    expect((await get('/api/token')).status).toBe(400);
    expect((await get('/api/nope')).status).toBe(404);
  });

  it('gives a leadership token no coop_id even when one is asked for', async () => {
    const body = (await (await get('/api/token?role=leadership&coop_id=C001')).json()) as { token: string };
    expect(decodeJwt(body.token).coop_id).toBeUndefined();
  });
});
