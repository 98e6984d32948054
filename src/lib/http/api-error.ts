/** The API's error shape: `{ "error": { "code", "message" } }` with the right status, and the error value that carries it. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { NO_STORE } from './cache-control';

/** True for paths under /api, whose errors are JSON. */
export const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

/** A JSON error in the API's shape; `extra` fields (a conflict's current state) go beside `error`. */
export function apiError(c: Context, status: ContentfulStatusCode, code: string, message: string, extra?: Record<string, unknown>): Response {
  return c.json({ ...extra, error: { code, message } }, status, { 'Cache-Control': NO_STORE });
}

/** An error as a value: the status and code the API answers with, and a message a person understands. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** Fields sent beside `error`, e.g. a conflict's current state: `{ article: {...} }`. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
