/** Finds quoted spans (straight or curly, double or single quotes) and who a text says spoke them. */
import { NOT_NAMES } from './entities';

export interface QuoteSpan {
  /** The words inside the marks. */
  inner: string;
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark. */
  end: number;
}

const LETTER = /[\p{L}\p{N}]/u;
const OPENS_AFTER = /[\s([{—–-]/u;

function isOpening(text: string, i: number): boolean {
  return (i === 0 || OPENS_AFTER.test(text[i - 1]!)) && i + 1 < text.length && !/\s/.test(text[i + 1]!);
}

/** The quoted spans of a text, outermost only, in order. Unclosed marks are ignored. */
export function extractQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    let close = -1;
    if (c === '“' || (c === '"' && isOpening(text, i))) {
      for (let j = i + 1; j < text.length; j++) {
        const d = text[j]!;
        if (d === '”' || (d === '"' && j > i + 1)) {
          close = j;
          break;
        }
        if (d === '“') break;
      }
    } else if ((c === '‘' || c === "'") && isOpening(text, i)) {
      // A single quote closes where a mark is followed by a non-letter, so apostrophes ("don't") stay inside.
      for (let j = i + 1; j < text.length; j++) {
        const d = text[j]!;
        if ((d === '’' || d === "'") && !/\s/.test(text[j - 1]!) && (j + 1 === text.length || !LETTER.test(text[j + 1]!))) {
          // "the companies' plans": a plural possessive, not a closing mark, when the quote would be a single word.
          if (text[j - 1] === 's' && !text.slice(i + 1, j).includes(' ')) continue;
          close = j;
          break;
        }
        if (d === '\n') break;
      }
    }
    if (close > i) {
      out.push({ inner: text.slice(i + 1, close), start: i, end: close + 1 });
      i = close;
    }
  }
  return out;
}

/** The text outside quotation marks, as separate segments (so that no run crosses a quote). */
export function unquotedSegments(text: string, quotes: QuoteSpan[] = extractQuotes(text)): string[] {
  const out: string[] = [];
  let at = 0;
  for (const q of quotes) {
    out.push(text.slice(at, q.start));
    at = q.end;
  }
  out.push(text.slice(at));
  return out.filter((s) => s.trim());
}

// A person or organisation named as a speaker: capitalised words, optional honorific and middle initial.
const NAME = String.raw`((?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Gov|Rep)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.\s+)?\p{Lu}[\p{L}'’-]+){0,3})`;
const VERB = String.raw`(?:said|says|told|tells|added|adds|wrote|writes|explained|noted|argued|warned|stated|insisted|recalled)`;
const AFTER_QUOTE = [
  // "said Corvane operations chief Selma Varga": the clause after the verb, whose last name is the speaker.
  new RegExp(String.raw`^[\s,.!?]*${VERB}\s+([^,.;:!?“”"]{1,100})`, 'u'),
  new RegExp(String.raw`^[\s,.!?]*${NAME}(?:,[^,.“”"]{1,80},)?\s+${VERB}\b`, 'u'),
  new RegExp(String.raw`^[\s,.!?]*according\s+to\s+${NAME}`, 'u'),
];
const BEFORE_QUOTE = [
  new RegExp(String.raw`${NAME}(?:,[^,.“”"]{1,80},)?\s+${VERB}\b[^.“”"]{0,120}$`, 'u'),
  new RegExp(String.raw`according\s+to\s+${NAME}[^.“”"]{0,120}$`, 'u'),
  new RegExp(String.raw`${VERB}\s+${NAME}[,:]?\s*$`, 'u'),
];
const NOT_A_SPEAKER = new Set(['the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'in', 'on', 'but', 'and', 'as', 'when']);

function clean(name: string | undefined): string | null {
  if (!name) return null;
  const first = name.split(/\s+/)[0]!.toLowerCase();
  if (NOT_A_SPEAKER.has(first)) return null;
  // "told reporters on Tuesday": a calendar word is not a speaker.
  return name.split(/\s+/).every((w) => NOT_NAMES.has(w.toLowerCase())) ? null : name.trim();
}

/** Start of the sentence that holds `at` (after the last . ! ? followed by a space). */
function sentenceStart(text: string, at: number): number {
  for (let i = at - 1; i > 0; i--) {
    if (/[.!?]/.test(text[i]!) && /\s/.test(text[i + 1] ?? '') && !/\b(?:Mr|Mrs|Ms|Dr|Prof|St|\p{Lu})$/u.test(text.slice(Math.max(0, i - 4), i))) {
      return i + 1;
    }
  }
  return 0;
}

function sentenceEnd(text: string, at: number): number {
  const m = /[.!?](?=\s+\p{Lu}|\s*$)/u.exec(text.slice(at));
  return m ? at + m.index + 1 : text.length;
}

/**
 * Who the text says spoke the quote between `start` and `end`: a name next to
 * said/says/told/according to within the sentence, or null when none is named.
 */
export function speakerOf(text: string, start: number, end: number): string | null {
  const after = text.slice(end, sentenceEnd(text, end));
  for (const [i, re] of AFTER_QUOTE.entries()) {
    const found = re.exec(after)?.[1];
    const name = clean(i === 0 ? lastName(found) : found);
    if (name) return name;
  }
  const before = text.slice(sentenceStart(text, start), start);
  for (const re of BEFORE_QUOTE) {
    const name = clean(re.exec(before)?.[1]);
    if (name) return name;
  }
  return null;
}

const NAME_RUN = new RegExp(NAME, 'gu');

/** The last run of capitalised words in a clause ("Corvane operations chief Selma Varga" -> "Selma Varga"). */
function lastName(clause: string | undefined): string | undefined {
  if (!clause) return undefined;
  let last: string | undefined;
  for (const m of clause.matchAll(NAME_RUN)) last = m[1];
  return last;
}

const TITLE = /^(?:dr|mr|mrs|ms|prof|sen|gov|rep)\.?$/;

/** Two speaker names refer to one speaker when they share a name word ("Ada Lin" = "Lin"). */
export function sameSpeaker(a: string, b: string): boolean {
  const wordsOf = (s: string) =>
    s
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .split(/\s+/)
      .filter((w) => w && !TITLE.test(w) && !/^\p{L}\.$/u.test(w));
  const bs = new Set(wordsOf(b));
  return wordsOf(a).some((w) => bs.has(w));
}
