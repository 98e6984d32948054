/** `entities`: names in the text appear in the cited sources; status words ("former", "acting") are supported by them. */
import { contentWords, sentences } from '../../lib/text';
import { extractEntities, extractStatusClaims, nameWords } from '../extract/entities';
import { align, type CheckContext, excerpt, findPhrase, type IndexedSource, labels, matchTokens, sourcesFor } from './context';

// How many words before a name a source's status word may sit ("former chief executive Ada Lin").
const STATUS_REACH = 6;

export function checkEntities(ctx: CheckContext): string[] {
  const ignore = new Set([ctx.policy.siteName, ...ctx.policy.categories].map((n) => nameWords(n).join(' ')));
  const publishers = new Set(ctx.sources.map((s) => nameWords(s.publisher).join(' ')));
  for (const s of ctx.sources) publishers.add(nameWords(s.publisher).filter((w) => w !== 'the').join(' '));
  const details: string[] = [];
  for (const p of ctx.passages) {
    // Titles and headings are in title case: their capitals say nothing about names.
    if (p.kind === 'title' || p.kind === 'heading') continue;
    const pool = sourcesFor(ctx, p);
    const poolNumbers = new Set(pool.map((s) => s.doc.n));
    for (const sentence of sentences(p.text)) {
      for (const e of extractEntities(sentence, ignore)) {
        // Our sources' own names ("according to Harbor Signal") are known names.
        if (publishers.has(e.words.join(' ')) || (e.words[0] === 'the' && publishers.has(e.words.slice(1).join(' ')))) continue;
        if (found(pool, e.words, e.sentenceInitial)) {
          const conflict = contextConflict(ctx, sentence, e.words, poolNumbers, ignore);
          if (conflict) details.push(`${p.where}: "${e.raw}" — ${conflict} — ${excerpt(sentence)}`);
          continue;
        }
        const elsewhere = [...ctx.byNumber.values()].filter((s) => !pool.includes(s) && found([s], e.words, e.sentenceInitial));
        const hint = elsewhere.length ? ` (it is in ${labels(elsewhere)}, which the paragraph does not cite)` : '';
        details.push(`${p.where}: "${e.raw}" is not in ${p.citations ? `the cited ${labels(pool)}` : 'any source'}${hint} — ${excerpt(sentence)}`);
      }
      for (const claim of extractStatusClaims(sentence)) {
        if (!statusSupported(pool, claim.status, nameWords(claim.name))) {
          details.push(`${p.where}: "${claim.raw}" calls ${claim.name} ${claim.status}, which ${p.citations ? `the cited ${labels(pool)}` : 'no source'} ${p.citations && pool.length === 1 ? 'does' : 'do'} not say — ${excerpt(sentence)}`);
        }
      }
    }
  }
  return details;
}

function found(pool: IndexedSource[], words: string[], sentenceInitial: boolean): boolean {
  if (findPhrase(pool, words)) return true;
  // "Shares of Harwick Systems" at a sentence start: the first capital may be grammar.
  if (sentenceInitial && words.length > 2) {
    let rest = words.slice(1);
    while (rest.length && ['of', 'for', 'the', 'and', 'de'].includes(rest[0]!)) rest = rest.slice(1);
    if (rest.length >= 2 && findPhrase(pool, rest)) return true;
  }
  // A name the sources write with its parts apart ("Lomond Labs' Priya Raman" vs "Priya Raman of Lomond Labs").
  return words.length > 2 && splitsFound(pool, words);
}

function splitsFound(pool: IndexedSource[], words: string[]): boolean {
  for (let cut = 2; cut <= words.length - 2; cut++) {
    if (findPhrase(pool, words.slice(0, cut)) && findPhrase(pool, words.slice(cut))) return true;
  }
  return false;
}

/** A name that the sentence's source counterpart gives differently (an entity swapped for another in the sources). */
function contextConflict(ctx: CheckContext, sentence: string, words: string[], pool: Set<number>, ignore: Set<string>): string | null {
  const own = new Set(contentWords(words.join(' ')));
  const a = align(ctx, sentence, pool, own);
  if (!a) return null;
  const needle = ` ${words.join(' ')} `;
  for (const id of a.window) {
    const s = ctx.sentences[id]!;
    if (` ${matchTokens(s.text).join(' ')} `.includes(needle)) return null;
  }
  const best = ctx.sentences[a.best]!;
  const rivals = extractEntities(best.text, ignore).filter((e) => e.words.join(' ') !== words.join(' '));
  if (!rivals.length) return null;
  return `the sentence restates ${ctx.byNumber.get(best.n)!.label} ${excerpt(best.text, 90)}, which names ${rivals.map((r) => r.raw).join(', ')} instead`;
}

function statusSupported(pool: IndexedSource[], status: string, name: string[]): boolean {
  const last = name.at(-1);
  if (!last) return true;
  for (const s of pool) {
    const t = s.tokens;
    for (let i = 0; i < t.length; i++) {
      if (t[i] !== last) continue;
      for (let k = Math.max(0, i - STATUS_REACH - name.length); k < i; k++) {
        if (t[k] === status || (status === 'ex' && t[k]!.startsWith('ex-'))) return true;
      }
    }
  }
  return false;
}
