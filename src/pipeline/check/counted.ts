/**
 * What a figure counts: the content words right after it in its own phrase ("three separate locations", "82,300 people").
 * Shared by the numbers check (a figure's own place, a count given for another noun) and the swap test (./figure-swaps).
 */
import type { Tok } from './restates';

// The content words right after a figure name what it counts ("three separate locations", "82,300 people"): two, so that an
// adjective in front ("three different locations") leaves the noun to meet. Dev drafts (npm run eval:checks): one model error
// and six rule-made ones more caught than with one word, one faithful draft more held.
const COUNTED_WORDS = 2;

const CLAUSE_BREAK = /[,;:()—–]|\.\s/;
const PREPOSITION_GAP = /\b(?:from|since|over|than|per|in|on|at|by|to|for|with|compared|during|through|until|after|before)\b/i;

/** The stemmed words right after a figure ending at offset `end` of `text`, from its content `tokens`, at most `limit`. */
export function countedAfter(text: string, tokens: readonly Tok[], end: number, limit = COUNTED_WORDS): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.start < end) continue;
    if (t.start - end > 40 || out.length >= limit) break;
    // What a figure counts follows it in its own phrase: "Italy, with 80,539, according to the tally" counts no tally.
    // "up 3 percent from a year ago": a period after a preposition is when, not what the figure counts.
    const gap = text.slice(end, t.start);
    if (CLAUSE_BREAK.test(gap) || PREPOSITION_GAP.test(gap)) break;
    // "five times the milestone" multiplies; it counts nothing.
    if (t.w === 'time') break;
    // "99 years old" is an age, not a span of years ("husband of 73 years").
    if (t.w === 'year' && /^[\s-]+old\b/.test(text.slice(t.end, t.end + 5))) {
      out.push('age');
      continue;
    }
    out.push(t.w);
  }
  return out;
}

