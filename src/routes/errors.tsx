/** Error responses: HTML 404/500 pages for readers, `{ error: { code, message } }` JSON under /api. */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../app';
import { apiError, isApi } from '../lib/http/api-error';
import { NO_STORE } from '../lib/http/cache-control';
import { ErrorPage } from '../../templates/pages/ErrorPage';
import { renderPage, siteView } from './render';

/** The reader's 404 page (or the API's JSON 404). */
export function notFoundPage(c: Context<AppEnv>): Promise<Response> | Response {
  if (isApi(c.req.path)) return apiError(c, 404, 'not-found', `No API route ${c.req.method} ${c.req.path}`);
  return renderPage(c, <ErrorPage site={siteView(c.env)} status={404} path={c.req.path} />, { status: 404, cacheControl: NO_STORE });
}

export const notFound: NotFoundHandler<AppEnv> = (c) => notFoundPage(c);

/** A reader address asked with a method it does not answer: 405 with the methods it does. */
export function methodNotAllowed(c: Context<AppEnv>): Response {
  return c.text(`${c.req.method} is not allowed here; this address answers GET and HEAD.`, 405, { Allow: 'GET, HEAD', 'Cache-Control': NO_STORE });
}

/** Unexpected errors: logged with the path, shown to readers without internals. */
export const onError: ErrorHandler<AppEnv> = async (err, c) => {
  const coded = err as Partial<{ status: unknown; code: unknown; extra: Record<string, unknown> }>;
  // Errors that carry their own status and code (the API's error values) keep them.
  if (isApi(c.req.path) && typeof coded.status === 'number' && coded.status < 500 && typeof coded.code === 'string') {
    return apiError(c, coded.status as ContentfulStatusCode, coded.code, err.message, coded.extra);
  }
  if (err instanceof HTTPException && err.status < 500) {
    if (isApi(c.req.path)) return apiError(c, err.status as ContentfulStatusCode, 'bad-request', err.message || 'Bad request');
    if (err.status === 404) return notFoundPage(c);
    return err.getResponse();
  }
  console.error(`${c.req.method} ${c.req.path} failed:`, err);
  if (isApi(c.req.path)) return apiError(c, 500, 'internal', 'The server could not complete this request.');
  try {
    return await renderPage(c, <ErrorPage site={siteView(c.env)} status={500} path={c.req.path} />, { status: 500, cacheControl: NO_STORE });
  } catch {
    // The page itself failed (e.g. invalid configuration): a plain response still carries the headers.
    return c.text('Internal Server Error', 500, { 'Cache-Control': NO_STORE });
  }
};
