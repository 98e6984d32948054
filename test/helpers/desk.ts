// A browser stand-in for the desk: a cookie jar, the forms' hidden fields read from the page, no redirects followed.
import { env, exports } from 'cloudflare:workers';

export const ORIGIN = 'https://news.test';

/** Sends a request to the Worker as a browser would (no redirects followed). */
export function deskFetch(path: string, init: RequestInit = {}) {
  return exports.default.fetch(`${ORIGIN}${path}`, { redirect: 'manual', ...init });
}

/** The `name=value` pairs a response sets (attributes dropped), by name. */
export function setCookies(res: Response): Map<string, { value: string; header: string }> {
  const out = new Map<string, { value: string; header: string }>();
  for (const header of res.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const eq = pair!.indexOf('=');
    out.set(pair!.slice(0, eq), { value: pair!.slice(eq + 1), header });
  }
  return out;
}

/** A hidden field's value in the page's first form posting to `action` (or in the page). */
export function hiddenField(html: string, name: string, action?: string): string | undefined {
  let scope = html;
  if (action) {
    const at = html.indexOf(`action="${action}"`);
    if (at < 0) return undefined;
    scope = html.slice(at, html.indexOf('</form>', at));
  }
  return new RegExp(`name="${name}" value="([^"]*)"`).exec(scope)?.[1];
}

export class DeskBrowser {
  cookies = new Map<string, string>();
  constructor(readonly headers: Record<string, string> = {}) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response) {
    for (const [name, { value, header }] of setCookies(res)) {
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async get(path: string) {
    return this.keep(await deskFetch(path, { headers: { ...this.headers, cookie: this.cookieHeader() } }));
  }

  /** Posts form fields (a FormData for files, a string for a body encoded by hand) as a same-origin browser form would. */
  async post(path: string, fields: Record<string, string> | FormData | string) {
    const body = typeof fields === 'string' || fields instanceof FormData ? fields : new URLSearchParams(fields);
    const type: Record<string, string> = typeof fields === 'string' ? { 'content-type': 'application/x-www-form-urlencoded' } : {};
    return this.keep(await deskFetch(path, { method: 'POST', body, headers: { ...this.headers, ...type, cookie: this.cookieHeader(), origin: ORIGIN } }));
  }

  /** Opens `page`, then submits its form to `action` with its own hidden fields and `fields`. */
  async submit(page: string, action: string, fields: Record<string, string> = {}) {
    const html = await (await this.get(page)).text();
    const keys = { csrf: hiddenField(html, 'csrf', action) ?? '', nonce: hiddenField(html, 'nonce', action) ?? '' };
    return { res: await this.post(action, { ...keys, ...fields }), keys };
  }
}

/** A browser signed in to the desk with `token` (the admin's by default). */
export async function signedIn(token = env.ADMIN_TOKEN, headers: Record<string, string> = {}) {
  const browser = new DeskBrowser(headers);
  const page = await (await browser.get('/desk/sign-in')).text();
  const res = await browser.post('/desk/sign-in', { login: hiddenField(page, 'login') ?? '', token });
  if (res.status !== 303) throw new Error(`sign-in failed with ${res.status}`);
  return browser;
}

/** Audit rows for one action on one target. */
export async function auditCount(action: string, targetId?: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = ?1 AND (?2 IS NULL OR target_id = ?2)`)
    .bind(action, targetId ?? null)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
