/**
 * Signing in to the desk. With Cloudflare Access configured (ACCESS_TEAM_DOMAIN and ACCESS_AUD)
 * every request carries a verified `Cf-Access-Jwt-Assertion` whose e-mail maps to an editor, and
 * a desk session holds only the form token and messages. Otherwise an editor signs in with a
 * token, which starts a session (see ./session). Failed sign-ins are rate limited per client, as
 * for the API; every POST needs the session's form token (and a same-origin Origin, when sent).
 */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../app';
import { loadConfig } from '../../env';
import type { AccessVerifierOptions } from '../../lib/access-jwt';
import { clientKey } from '../../lib/rate-limit';
import { SignInPage } from '../../../templates/desk/SignInPage';
import { accessVerifiers, editorByAccess, editorByToken, sameSecret, signInThrottle } from '../editor/auth';
import { formFields, refuse, renderDesk, type DeskEnv } from './context';
import { csrfMatches, currentSession, endSession, startSession } from './session';
import { newSecret } from '../../editor/tokens';

const LOGIN_COOKIE = '__Secure-dmn-desk-login';
const REFUSED = 'Sign-in failed: this token is not accepted.';

const accessOn = (env: AppEnv['Bindings']) => {
  const config = loadConfig(env);
  return Boolean(config.ACCESS_TEAM_DOMAIN && config.ACCESS_AUD);
};

/** A cross-site form post says so in Origin; browsers send it on every form POST. */
function crossOrigin(req: Request): boolean {
  const origin = req.headers.get('origin');
  return origin !== null && origin !== new URL(req.url).origin;
}

/** The sign-in form and its POST; the form carries a double-submitted token of its own (no session exists yet). */
export const deskSignIn = new Hono<DeskEnv>()
  .get('/sign-in', async (c) => {
    const access = accessOn(c.env);
    const login = access ? '' : newSecret();
    if (!access) setCookie(c, LOGIN_COOKIE, login, { path: '/desk/sign-in', secure: true, httpOnly: true, sameSite: 'Strict', maxAge: 3600 });
    return renderDesk(c, <SignInPage siteName={loadConfig(c.env).SITE_NAME} access={access} loginToken={login} />);
  })
  .post('/sign-in', async (c) => {
    if (accessOn(c.env)) return refuse(c, 403, 'This desk signs editors in through Cloudflare Access, not with tokens.');
    const form = await formFields(c);
    const expected = getCookie(c, LOGIN_COOKIE);
    if (crossOrigin(c.req.raw) || !expected || !form.login || !sameSecret(form.login, expected)) {
      return refuse(c, 403, 'The sign-in form was not sent from this desk (its form token is missing or wrong). Open the sign-in page again.');
    }
    const throttle = signInThrottle(c.env);
    const client = clientKey(c.req.raw, loadConfig(c.env).TRUST_CF_CONNECTING_IP);
    const tooMany = () => {
      c.header('Retry-After', String(throttle.retryAfterSeconds));
      return refuse(c, 429, 'Too many failed sign-ins from this client; wait a minute.');
    };
    if (await throttle.isBlocked(client)) return tooMany();
    const editor = await editorByToken(c.env, (form.token ?? '').trim());
    if (!editor) {
      if (await throttle.recordFailure(client)) return tooMany();
      const site = loadConfig(c.env).SITE_NAME;
      return renderDesk(c, <SignInPage siteName={site} access={false} loginToken={expected} error={REFUSED} />, 401);
    }
    await startSession(c, editor, 'token');
    deleteCookie(c, LOGIN_COOKIE, { path: '/desk/sign-in', secure: true });
    return c.redirect('/desk', 303);
  });

/**
 * Resolves the signed-in editor and their session for every other desk route, and checks the form
 * token of every POST. `access` options are for tests (a stubbed JWKS).
 */
export function deskAuth(access: AccessVerifierOptions = {}) {
  const verifierFor = accessVerifiers(access);
  return createMiddleware<DeskEnv>(async (c, next) => {
    let session = await currentSession(c);
    if (accessOn(c.env)) {
      const throttle = signInThrottle(c.env);
      const client = clientKey(c.req.raw, loadConfig(c.env).TRUST_CF_CONNECTING_IP);
      if (await throttle.isBlocked(client)) {
        c.header('Retry-After', String(throttle.retryAfterSeconds));
        return refuse(c, 429, 'Too many failed sign-ins from this client; wait a minute.');
      }
      const assertion = c.req.header('cf-access-jwt-assertion');
      const editor = assertion ? await editorByAccess(c.env, verifierFor, assertion) : undefined;
      if (!editor) {
        if (assertion && (await throttle.recordFailure(client))) {
          c.header('Retry-After', String(throttle.retryAfterSeconds));
          return refuse(c, 429, 'Too many failed sign-ins from this client; wait a minute.');
        }
        return refuse(c, 401, 'Cloudflare Access did not vouch for an editor of this desk.');
      }
      // A session belongs to the editor Access signs in; a form needs the session its page was shown in.
      if (!session || session.via !== 'access' || session.editor.id !== editor.id) {
        if (c.req.method !== 'GET') return refuse(c, 403, 'This form was not sent from a page of your desk session; open the page again.');
        session = await startSession(c, editor, 'access');
      }
      session = { ...session, editor };
    } else if (!session) {
      return c.redirect('/desk/sign-in', 303);
    }
    c.set('session', session);
    c.set('editor', session.editor);
    if (c.req.method === 'POST') {
      const form = await formFields(c);
      if (crossOrigin(c.req.raw) || !(await csrfMatches(session, form.csrf))) {
        return refuse(c, 403, "This form's token is missing or wrong, so nothing was done. Open the page again and resubmit.");
      }
    }
    return next();
  });
}

/** Only administrators see the tokens screen. */
export const deskAdmin = createMiddleware<DeskEnv>(async (c, next) => {
  if (c.get('editor').role !== 'admin') return refuse(c, 403, 'Only administrators manage editor tokens.');
  return next();
});

/** Sign-out revokes the session in D1 and clears the cookie. */
export const deskSignOut = new Hono<DeskEnv>().post('/sign-out', async (c) => {
  await endSession(c, c.get('session'));
  if (c.get('session').via === 'access') return c.redirect('/cdn-cgi/access/logout', 303);
  return c.redirect('/desk/sign-in', 303);
});
