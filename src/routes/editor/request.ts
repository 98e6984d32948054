/** Editor API requests: JSON bodies read within a size limit and validated, errors as values with a code. */
import type { Context } from 'hono';
import type { z } from 'zod';

export { ApiError } from '../../lib/http/api-error';
import { ApiError } from '../../lib/http/api-error';
import { strictUtf8 } from '../../lib/http/utf8-body';

/** Reads a JSON body (UTF-8 only) and validates it, or throws a 400/413/415 that says what is wrong. */
export async function readJson<T extends z.ZodType>(c: Context, schema: T, maxBytes = 64 * 1024): Promise<z.infer<T>> {
  const type = c.req.header('content-type') ?? '';
  const length = Number(c.req.header('content-length') ?? '0');
  if (length > maxBytes) throw new ApiError(413, 'body-too-large', `The request body is larger than ${maxBytes} bytes.`);
  const bytes = await c.req.arrayBuffer();
  if (bytes.byteLength > maxBytes) throw new ApiError(413, 'body-too-large', `The request body is larger than ${maxBytes} bytes.`);
  const text = strictUtf8(bytes);
  if (text === undefined) throw new ApiError(400, 'invalid-encoding', 'The request body is not valid UTF-8; nothing was done. Send JSON encoded as UTF-8.');
  if (text.trim() === '') return parseWith(schema, {});
  if (!type.includes('application/json')) {
    throw new ApiError(415, 'unsupported-media-type', 'Send the body as application/json.');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid-json', 'The request body is not valid JSON.');
  }
  return parseWith(schema, body);
}

/** Validates plain data against a schema, or throws a 400 naming each problem. */
export function parseWith<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    throw new ApiError(400, 'invalid-request', problems.join('; '));
  }
  return parsed.data;
}
