/** The API's error shape: `{ "error": { "code", "message" } }` with the right status. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { NO_STORE } from './cache-control';

/** True for paths under /api, whose errors are JSON. */
export const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

/** A JSON error in the API's shape; `extra` fields (a conflict's current state) go beside `error`. */
export function apiError(c: Context, status: ContentfulStatusCode, code: string, message: string, extra?: Record<string, unknown>): Response {
  return c.json({ ...extra, error: { code, message } }, status, { 'Cache-Control': NO_STORE });
}
