/**
 * Characters that must never reach a page: NUL and the other C0 controls (tab and line breaks
 * aside), DEL, and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 * which reorder or hide what a reader sees ("Trojan Source" text). Untrusted text has them
 * stripped; an editor who types one is told so.
 */
import type { z } from 'zod';

/** The bidi controls as a character-class body, for patterns that add ranges of their own. */
export const BIDI_CONTROL_RANGES = '\\u202a-\\u202e\\u2066-\\u2069';

const HIDDEN = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f${BIDI_CONTROL_RANGES}]`);
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'g');

/**
 * The text without hidden controls (`replacement` where each stood).
 * @example stripHiddenControls('a\u0000b\u202Ec') // 'abc'
 */
export function stripHiddenControls(text: string, replacement = ''): string {
  return HIDDEN.test(text) ? text.replace(HIDDEN_ALL, replacement) : text;
}

/** The first hidden control in `text` as "U+202E", or undefined when there is none. */
export function firstHiddenControl(text: string): string | undefined {
  const found = HIDDEN.exec(text)?.[0];
  return found === undefined ? undefined : `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A zod refinement refusing text with a hidden control, so an editor learns of it instead of it
 * being published or silently dropped.
 * @example z.string().superRefine(noHiddenControls) // issue: "contains an invisible control character (U+202E) …"
 */
export function noHiddenControls(text: string, ctx: z.RefinementCtx): void {
  const found = firstHiddenControl(text);
  if (found) ctx.addIssue({ code: 'custom', message: `contains an invisible control character (${found}) that can hide or reorder text; delete it and send again` });
}
