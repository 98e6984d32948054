// Signing in to the desk with an editor token: the session cookie, its storage, expiry, sign-out and rate limiting.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../../src/app';
import { sha256Hex } from '../../../src/lib/hash';
import { DeskBrowser, deskFetch, hiddenField, setCookies, signedIn } from '../../helpers/desk';

const SESSION = '__Secure-dmn-desk';

describe('desk sign-in with an editor token', () => {
  it('sends a visitor without a session to the sign-in page, which is private and never indexed', async () => {
    const res = await deskFetch('/desk');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/desk/sign-in');
    const page = await deskFetch('/desk/sign-in');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect(page.headers.get('x-robots-tag')).toContain('noindex');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'none'");
    const html = await page.text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(html).toMatch(/<label for="token">[^<]+<\/label>\s*<input type="password" id="token"/);
    expect(html).not.toContain('<script');
  });

  it('signs in with a valid token: a Secure, HttpOnly, SameSite=Strict cookie whose secret D1 holds only as a hash', async () => {
    const browser = new DeskBrowser();
    const form = await (await browser.get('/desk/sign-in')).text();
    const res = await browser.post('/desk/sign-in', { login: hiddenField(form, 'login')!, token: env.ADMIN_TOKEN });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/desk');
    const cookie = setCookies(res).get(SESSION)!;
    expect(cookie.header).toMatch(/; Secure/);
    expect(cookie.header).toMatch(/; HttpOnly/);
    expect(cookie.header).toMatch(/; SameSite=Strict/);
    expect(cookie.header).toMatch(/; Path=\/desk/);
    const stored = await env.DB.prepare('SELECT id, expires_at FROM desk_sessions').all<{ id: string; expires_at: string }>();
    const hash = await sha256Hex(cookie.value);
    expect(stored.results.map((r) => r.id)).toContain(hash);
    expect(JSON.stringify(stored.results)).not.toContain(cookie.value);
    const expires = Date.parse(stored.results.find((r) => r.id === hash)!.expires_at);
    expect(expires - Date.now()).toBeGreaterThan(11 * 3_600_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(12 * 3_600_000);
    expect((await browser.get('/desk')).status).toBe(200);
  });

  it('refuses a wrong token with one answer and no cookie', async () => {
    const browser = new DeskBrowser({ 'cf-connecting-ip': '192.0.2.50' });
    const form = await (await browser.get('/desk/sign-in')).text();
    const res = await browser.post('/desk/sign-in', { login: hiddenField(form, 'login')!, token: 'not-a-real-token-0123456789' });
    expect(res.status).toBe(401);
    expect(setCookies(res).has(SESSION)).toBe(false);
    expect(await res.text()).toContain('Sign-in failed');
  });

  it('refuses a sign-in form posted without its own form token (login CSRF)', async () => {
    const res = await deskFetch('/desk/sign-in', { method: 'POST', body: new URLSearchParams({ token: env.ADMIN_TOKEN }) });
    expect(res.status).toBe(403);
    expect(setCookies(res).has(SESSION)).toBe(false);
  });

  it('ends the bootstrap admin\'s sessions when ADMIN_TOKEN changes, and stores only a digest of it', async () => {
    const browser = await signedIn();
    const id = await sha256Hex(browser.cookies.get(SESSION)!);
    const row = await env.DB.prepare('SELECT credential FROM desk_sessions WHERE id = ?').bind(id).first<{ credential: string | null }>();
    expect(row?.credential).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.credential).not.toContain(env.ADMIN_TOKEN);
    expect((await browser.get('/desk')).status).toBe(200);
    // The session as a token that has since been replaced left it: its digest no longer matches the configured token.
    await env.DB.prepare('UPDATE desk_sessions SET credential = ?1 WHERE id = ?2').bind(await sha256Hex('desk-session\nan-old-admin-token-0123456789'), id).run();
    const res = await browser.get('/desk/tokens');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/desk/sign-in');
  });

  it('ends an expired session', async () => {
    const browser = await signedIn();
    await env.DB.prepare('UPDATE desk_sessions SET expires_at = ?1 WHERE id = ?2')
      .bind(new Date(Date.now() - 1000).toISOString(), await sha256Hex(browser.cookies.get(SESSION)!))
      .run();
    const res = await browser.get('/desk');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/desk/sign-in');
  });

  it('signs out: the session is revoked in D1, so the old cookie no longer opens the desk', async () => {
    const browser = await signedIn();
    const secret = browser.cookies.get(SESSION)!;
    const page = await (await browser.get('/desk')).text();
    const res = await browser.post('/desk/sign-out', { csrf: hiddenField(page, 'csrf', '/desk/sign-out')! });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/desk/sign-in');
    const row = await env.DB.prepare('SELECT revoked_at FROM desk_sessions WHERE id = ?').bind(await sha256Hex(secret)).first<{ revoked_at: string | null }>();
    expect(row?.revoked_at).toBeTruthy();
    const replay = await deskFetch('/desk', { headers: { cookie: `${SESSION}=${secret}` } });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe('/desk/sign-in');
  });

  it('does not sign out on a post without the form token', async () => {
    const browser = await signedIn();
    expect((await browser.post('/desk/sign-out', {})).status).toBe(403);
    expect((await browser.get('/desk')).status).toBe(200);
  });
});

describe('failed desk sign-ins are rate limited per client', () => {
  it('blocks a client after the limit, even with a valid token, and not another client', async () => {
    const bindings = { ...env, AUTH_LIMITER: undefined, AUTH_FAILURES_PER_MINUTE: '3' };
    const attempt = async (ip: string, token: string) => {
      const page = await app.request('/desk/sign-in', {}, bindings);
      const login = setCookies(page).get('__Secure-dmn-desk-login')!.value;
      return app.request(
        '/desk/sign-in',
        { method: 'POST', body: new URLSearchParams({ login, token }), headers: { cookie: `__Secure-dmn-desk-login=${login}`, 'cf-connecting-ip': ip }, cf: { colo: 'AMS' } },
        bindings,
      );
    };
    const ip = '198.51.100.40';
    for (let i = 0; i < 3; i++) expect((await attempt(ip, `wrong-token-${i}-0123456789`)).status).toBe(401);
    expect((await attempt(ip, 'wrong-token-3-0123456789')).status).toBe(429);
    const blocked = await attempt(ip, env.ADMIN_TOKEN);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('60');
    expect((await attempt('198.51.100.41', env.ADMIN_TOKEN)).status).toBe(303);
  });
});
