// The desk behind Cloudflare Access: every request's assertion verified (RS256 against the team's JWKS, iss, aud, exp).
import { env } from 'cloudflare:workers';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../../src/app';
import { openDb } from '../../../src/db/client';
import { editors } from '../../../src/db/schema';
import { createDesk } from '../../../src/routes/desk';
import { onError } from '../../../src/routes/errors';
import { AUD, TEAM, accessKeys } from '../../helpers/access-keys';
import { ORIGIN, hiddenField, setCookies } from '../../helpers/desk';

const keys = await accessKeys();
await openDb(env.DB).insert(editors).values({ id: 'ed_desk', name: 'Night desk', role: 'editor', email: 'desk@newsroom.test', tokenHash: 'e'.repeat(64) });

const app = new Hono<AppEnv>().route('/desk', createDesk({ fetchJwks: keys.fetchJwks })).onError(onError);
const withAccess = { ...env, ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD };
/** Requests through Cloudflare carry `cf`, so their CF-Connecting-IP is counted as the client. */
const THROUGH_CLOUDFLARE = { colo: 'AMS' };

const get = (assertion: string, ip: string, cookie = '') =>
  app.request(`${ORIGIN}/desk`, { headers: { 'cf-access-jwt-assertion': assertion, 'cf-connecting-ip': ip, cookie }, cf: THROUGH_CLOUDFLARE }, withAccess);

describe('desk sign-in through Cloudflare Access', () => {
  it("opens the desk for a valid assertion's editor, with a session for its forms", async () => {
    const res = await get(await keys.sign(), '203.0.113.60');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Sign out Night desk');
    expect(html).not.toContain('href="/desk/tokens"');
    const cookie = setCookies(res).get('__Secure-dmn-desk')!;
    expect(cookie.header).toMatch(/Secure.*HttpOnly|HttpOnly.*Secure/);

    // A form posted with that session's token acts; the same post without the session is refused.
    const csrf = hiddenField(html, 'csrf', '/desk/sign-out')!;
    const assertionFor = await keys.sign();
    const post = (cookieHeader: string) =>
      app.request(
        `${ORIGIN}/desk/sign-out`,
        { method: 'POST', body: new URLSearchParams({ csrf }), headers: { 'cf-access-jwt-assertion': assertionFor, 'cf-connecting-ip': '203.0.113.60', cookie: cookieHeader, origin: ORIGIN }, cf: THROUGH_CLOUDFLARE },
        withAccess,
      );
    expect((await post('')).status).toBe(403);
    expect((await post(`__Secure-dmn-desk=${cookie.value}`)).status).toBe(303);
  });

  it('refuses alg none, HS256, the wrong aud, an expired token and an unknown kid with 401', async () => {
    const bad = {
      'alg none': keys.unsigned(),
      HS256: await keys.signHs256(),
      'wrong aud': await keys.sign({ aud: ['another-application-aud-tag-0000'] }),
      expired: await keys.sign({ exp: Math.floor(Date.now() / 1000) - 120 }),
      'unknown kid': await keys.sign({}, { kid: 'kid-unknown' }),
    };
    for (const [i, [name, token]] of Object.entries(bad).entries()) {
      const res = await get(token, `203.0.113.${70 + i}`);
      expect(res.status, name).toBe(401);
      expect(setCookies(res).has('__Secure-dmn-desk'), name).toBe(false);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
    }
  });

  it('refuses a request without an assertion, and a session cookie alone does not stand in for one', async () => {
    const first = await get(await keys.sign(), '203.0.113.80');
    const cookie = setCookies(first).get('__Secure-dmn-desk')!.value;
    const res = await app.request(`${ORIGIN}/desk`, { headers: { cookie: `__Secure-dmn-desk=${cookie}`, 'cf-connecting-ip': '203.0.113.80' }, cf: THROUGH_CLOUDFLARE }, withAccess);
    expect(res.status).toBe(401);
  });

  it('rate limits failed assertions per client, refusing even a valid one while blocked', async () => {
    const limited = { ...withAccess, AUTH_LIMITER: undefined, AUTH_FAILURES_PER_MINUTE: '2' };
    const send = async (assertion: string, ip: string) =>
      (await app.request(`${ORIGIN}/desk`, { headers: { 'cf-access-jwt-assertion': assertion, 'cf-connecting-ip': ip }, cf: THROUGH_CLOUDFLARE }, limited)).status;
    const forged = await keys.signHs256();
    expect([await send(forged, '203.0.113.90'), await send(forged, '203.0.113.90'), await send(forged, '203.0.113.90')]).toEqual([401, 401, 429]);
    expect(await send(await keys.sign(), '203.0.113.90')).toBe(429);
    expect(await send(await keys.sign(), '203.0.113.91')).toBe(200);
  });

  it('turns token sign-in off', async () => {
    const res = await app.request(`${ORIGIN}/desk/sign-in`, { method: 'POST', body: new URLSearchParams({ token: env.ADMIN_TOKEN }) }, withAccess);
    expect(res.status).toBe(403);
  });
});
