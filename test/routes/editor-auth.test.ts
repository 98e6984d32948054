// Editor sign-in through Cloudflare Access and bearer tokens, and rate limiting of failures.
import { env } from 'cloudflare:workers';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client';
import { editors } from '../../src/db/schema';
import { editorAuth, type EditorEnv } from '../../src/routes/editor/auth';
import { onError } from '../../src/routes/errors';
import { d1RateLimiter } from '../../src/lib/rate-limit';
import { AUD, TEAM, accessKeys } from '../helpers/access-keys';

const keys = await accessKeys();
await openDb(env.DB).insert(editors).values({ id: 'ed_desk', name: 'Night desk', role: 'editor', email: 'desk@newsroom.test', tokenHash: 'f'.repeat(64) });

/** The editor sign-in in front of one route that says who signed in. */
const app = new Hono<EditorEnv>()
  .use('/api/editor/*', editorAuth({ fetchJwks: keys.fetchJwks }))
  .get('/api/editor/whoami', (c) => c.json(c.get('editor')))
  .onError((err, c) => onError(err, c as never));

const withAccess = { ...env, ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD };
const withoutBinding = { ...env, AUTH_LIMITER: undefined, AUTH_FAILURES_PER_MINUTE: '3' };

/** What Cloudflare's edge (and wrangler dev) attach to a request; a self-hosted workerd attaches nothing. */
const THROUGH_CLOUDFLARE: RequestInit['cf'] = { colo: 'AMS' };

async function whoami(headers: Record<string, string>, bindings: object = withAccess, cf: RequestInit['cf'] | null = THROUGH_CLOUDFLARE) {
  const res = await app.request('/api/editor/whoami', { headers, cf: cf ?? undefined }, bindings);
  return { status: res.status, body: (await res.json()) as { id?: string; error?: { code: string; message: string } } };
}

describe('Cloudflare Access sign-in', () => {
  it("maps a valid assertion's e-mail to its editor", async () => {
    const res = await whoami({ 'cf-access-jwt-assertion': await keys.sign(), 'cf-connecting-ip': '203.0.113.1' });
    expect(res).toMatchObject({ status: 200, body: { id: 'ed_desk', role: 'editor' } });
  });

  it('refuses alg none, HS256, the wrong aud, an expired token, an unknown kid and an unknown e-mail alike', async () => {
    const bad = [
      keys.unsigned(),
      await keys.signHs256(),
      await keys.sign({ aud: ['another-application-aud-tag-0000'] }),
      await keys.sign({ exp: Math.floor(Date.now() / 1000) - 60 }),
      await keys.sign({}, { kid: 'kid-unknown' }),
      await keys.sign({ email: 'stranger@elsewhere.test' }),
    ];
    const messages = new Set<string>();
    for (const [i, token] of bad.entries()) {
      const res = await whoami({ 'cf-access-jwt-assertion': token, 'cf-connecting-ip': `203.0.113.${10 + i}` });
      expect(res.status, `case ${i}`).toBe(401);
      messages.add(res.body.error!.message);
    }
    // One answer for every refusal: nothing says which part was wrong.
    expect(messages.size).toBe(1);
  });

  it('ignores the assertion header where Access is not configured', async () => {
    const res = await whoami({ 'cf-access-jwt-assertion': await keys.sign(), 'cf-connecting-ip': '203.0.113.30' }, env);
    expect(res.status).toBe(401);
  });
});

describe('failed sign-ins are rate limited per client', () => {
  it('counts in windows that open at the first failure', async () => {
    let clock = 1_000_000;
    const limiter = d1RateLimiter(env.DB, { limit: 2, periodMs: 60_000, now: () => clock });
    const tries = async () => (await limiter.limit({ key: 'window-test' })).success;
    expect([await tries(), await tries(), await tries()]).toEqual([true, true, false]);
    clock += 59_000;
    expect(await tries()).toBe(false);
    clock += 1_000;
    expect(await tries()).toBe(true);
  });

  it('with the D1 fallback: over the limit a client is refused, even with a valid token, and others are not', async () => {
    const ip = { 'cf-connecting-ip': '198.51.100.7' };
    for (let i = 0; i < 3; i++) expect((await whoami({ ...ip, authorization: `Bearer wrong-token-${i}-0123456789` }, withoutBinding)).status).toBe(401);
    const fourth = await whoami({ ...ip, authorization: 'Bearer wrong-token-3-0123456789' }, withoutBinding);
    expect(fourth).toMatchObject({ status: 429, body: { error: { code: 'too-many-attempts' } } });
    expect((await whoami({ ...ip, authorization: `Bearer ${env.ADMIN_TOKEN}` }, withoutBinding)).status).toBe(429);
    expect((await whoami({ 'cf-connecting-ip': '198.51.100.8', authorization: `Bearer ${env.ADMIN_TOKEN}` }, withoutBinding)).status).toBe(200);
  });

  it('with the Workers Rate Limiting binding (10 a minute)', async () => {
    // The simulated binding may count in clock-aligned minutes: a burst that straddles one (a loaded machine)
    // is tried again from a fresh address, so the assertion always reads one minute's bucket.
    let statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 55_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
      const ip = { 'cf-connecting-ip': `198.51.100.${99 - attempt}` };
      const minute = Math.floor(Date.now() / 60_000);
      statuses = [];
      for (let i = 0; i < 12; i++) statuses.push((await whoami({ ...ip, authorization: `Bearer wrong-token-${i}-0123456789` }, env)).status);
      if (Math.floor(Date.now() / 60_000) === minute) break;
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('trusts CF-Connecting-IP only on requests that came through Cloudflare, and only while TRUST_CF_CONNECTING_IP is on', async () => {
    const wrong = (i: number) => ({ 'cf-connecting-ip': `9.9.9.${i}`, authorization: `Bearer wrong-token-${i}-abcdefghij` });
    // No request.cf (a self-hosted workerd): the header is the client's own, so invented addresses share one bucket.
    const selfHosted: number[] = [];
    for (let i = 0; i < 4; i++) selfHosted.push((await whoami(wrong(i), withoutBinding, null)).status);
    expect(selfHosted).toEqual([401, 401, 401, 429]);
    // Through wrangler dev (request.cf set, header kept from the client) with the flag off: the same bucket, still blocked.
    const devServer = { ...withoutBinding, TRUST_CF_CONNECTING_IP: 'false' };
    expect((await whoami(wrong(5), devServer)).status).toBe(429);
    // Through Cloudflare's edge, which writes the header itself: that address has a bucket of its own.
    expect((await whoami(wrong(6), withoutBinding)).status).toBe(401);
  });
});
