/**
 * The offline writer: a news brief from the sources' own sentences, each used whole
 * (attributed, with copied runs rewritten by rule) or not at all. No model.
 */
import { jaccard, sentences, wordCount, words } from '../../../lib/text';
import { cutOff } from '../../check/readability';
import type { ArticleDraft, Cited, SourceDoc, Writer } from '../../types';
import { cleanHeadline, composeDek, composeTitle, FUTURE, sentenceCase, kindsOf, publishersOf, questionFor, topicNoun, type QuestionKind } from '../brief/headline';
import { attribute, attributionInCause, breakCopiedRuns, condensed, copyTest, listOf, quotedWords as countQuoted, restate, type CopyTest, type Phrases } from '../brief/restate';
import { withinQuotationShare } from '../brief/quote-share';
import { timeFronted } from '../brief/reorder';
import { keepsSpeakers } from '../brief/speakers';
import { accountsOf, headlineSentences, LEFT_OUT, overlap, sentencePool, type Account, type LeftOut, type Sentence } from '../brief/sentences';
import { extractFigures } from '../../check/extract/numbers';
import { DRAFT_LIMITS } from '../../draft-schema';
import { SynthesisError } from '../synthesis-error';
import { disagreements, figures, properWordsOf } from './source-facts';
import { chooseCategory, chooseTags } from './topics';

/** How an article page names this writer in its provenance. */
export const EXTRACTIVE_PROVENANCE = 'written by the extractive writer (no language model)';

export interface ExtractiveLimits {
  /** Largest share of the article's words inside quotation marks. */
  maxQuoteShare: number;
}

const DEFAULT_LIMITS: ExtractiveLimits = { maxQuoteShare: 0.25 };
/** Content shared with a sentence already used above which a sentence restates it. */
const SAME_FACT = [0.6, 0.7, 0.75];
const MAX_DETAIL_PARAGRAPHS = 6;
/** Thin sources may quote more, up to this share of the article (the readability limit is 40%)... */
const MAX_QUOTE_SHARE = 0.38;
/** ...and never one report past this share (the `verbatim` check holds one source at 30%). */
const PER_SOURCE_QUOTE_SHARE = 0.28;
/**
 * The last attempt, for two or three short reports of one event: another outlet's account counts as its own
 * sentence unless it shares this much (Jaccard) with one used — under the 0.75 at which `readability` calls
 * two sentences the same.
 */
const OTHER_ACCOUNT = 1;
const OTHER_ACCOUNT_JACCARD = 0.68;
/** Content words a sentence must add before another outlet's account of a told fact counts as new. */
const NEW_FACTS_WORDS = 4;

/** One paragraph: its sentences as written and the accounts it cites. */
interface Para {
  texts: string[];
  accounts: Set<Account>;
  quoted: number;
  /** An answer that restates a fact the body gives: it stays in the FAQ. */
  restates?: boolean;
  /** Our own sentence that no report says what happens next. */
  noneAhead?: boolean;
}

/** The brief and what it left out of the sources (links, instructions), for the record. */
export interface Brief {
  draft: ArticleDraft;
  leftOut: LeftOut[];
}

/**
 * The extractive writer: deterministic, needs no binding and no network.
 *
 * @example const draft = await synthesizeStory(sources, extractiveWriter())
 */
export function extractiveWriter(limits: Partial<ExtractiveLimits> = {}): Writer {
  return {
    name: 'extractive',
    write: async (request) => {
      const { draft, leftOut } = composeBrief(request.sources, request.categories, limits);
      return Object.assign(draft, { [LEFT_OUT]: leftOut });
    },
  };
}

/** Builds the article for a story's sources; throws SynthesisError when they give too little to write. */
export function composeArticle(sources: readonly SourceDoc[], categories: readonly string[], overrides: Partial<ExtractiveLimits> = {}): ArticleDraft {
  return composeBrief(sources, categories, overrides).draft;
}

/** The article and the source sentences it left out, with the reason for each. */
export function composeBrief(sources: readonly SourceDoc[], categories: readonly string[], overrides: Partial<ExtractiveLimits> = {}): Brief {
  if (!sources.length) throw new SynthesisError('no-usable-sources', 'a story needs at least one source');
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  const all = [...sources].sort((a, b) => a.n - b.n);
  const accounts = accountsOf(all);
  const { pool, leftOut } = sentencePool(accounts);
  // Headline and text as one stream, as the `verbatim` check reads a source: a run may cross from one to the other.
  const copied = copyTest(all.map((s) => `${s.title}\n${s.text}`));
  const proper = properWordsOf(pool.map((s) => ({ source: s.account.sources[0]!, text: s.text, index: s.index, hasQuote: s.quoted > 0 })), all.map((s) => s.title));
  let lastProblem = '';
  // Strict first; thin sources get looser rules on restating and on quotation (the checks still hold each source to its share).
  const topic = topicNoun(accounts, pool);
  const rendered = new Map<string, string | undefined>();
  const condensations = new Map<string, string[]>();
  // The headline our title or standfirst is made from is not material for the body as well.
  const headlines = headlineSentences(accounts, (a) => {
    const clean = cleanHeadline(a.sources[0]!.title, a.publisher);
    return /[.!?]$/.test(clean) || /["“”]/.test(clean) ? undefined : `${sentenceCase(clean, proper)}.`;
  });
  for (const [sameFact, quoteShare, phrases] of [[SAME_FACT[0]!, limits.maxQuoteShare], [SAME_FACT[1]!, limits.maxQuoteShare], [SAME_FACT[2]!, limits.maxQuoteShare + 0.07], [SAME_FACT[2]!, MAX_QUOTE_SHARE], [OTHER_ACCOUNT, MAX_QUOTE_SHARE], [OTHER_ACCOUNT, MAX_QUOTE_SHARE, 'quoting']] as const) {
    const thin = sameFact > SAME_FACT[0]!;
    const draft = tryCompose({ all, accounts, topic, rendered, condensations, pool: thin ? [...pool, ...headlines] : pool, copied, proper, categories, limits: { ...limits, maxQuoteShare: quoteShare }, sameFact, phrases: phrases ?? (sameFact === OTHER_ACCOUNT ? 'plain' : false) });
    if (typeof draft !== 'string') return { draft, leftOut };
    lastProblem = draft;
  }
  throw new SynthesisError('no-usable-sources', `the sources give too little to write a brief: ${lastProblem}`, leftOut.map((l) => `source ${l.n} (${l.publisher}): left out, ${l.reason}`));
}

interface Inputs {
  all: SourceDoc[];
  accounts: Account[];
  pool: Sentence[];
  copied: CopyTest;
  proper: Set<string>;
  categories: readonly string[];
  limits: ExtractiveLimits;
  sameFact: number;
  /** What the event is about, for the reader questions. */
  topic: string;
  /** Which sentences may have a short phrase quoted (the last attempts). */
  phrases: Phrases;
  /** Sentences as attributed and restated, shared by the attempts. */
  rendered: Map<string, string | undefined>;
  condensations: Map<string, string[]>;
}

function tryCompose({ all, accounts, pool, copied, proper, categories, limits, sameFact, topic, rendered, condensations, phrases }: Inputs): ArticleDraft | string {
  // Thin sources: one sentence a paragraph, so that every section and question can be filled.
  const thin = sameFact > SAME_FACT[0]!;
  const last = sameFact === OTHER_ACCOUNT;
  const figuresOf = (a: Account) => a.figureKeys ??= new Set(extractFigures(`${a.sources[0]!.title}\n${a.sources[0]!.text}`).map((f) => f.key));
  const used: Sentence[] = [];
  const usedFigures = new Set<string>();
  let styleTurn = 0;
  // The last resort for the two reader questions: answers restating the body, quoting within their own share.
  let quotingAnswers = false;
  let quoted = 0;
  let total = 0;
  const byScore = [...pool].sort((a, b) => b.score - a.score || a.account.numbers[0]! - b.account.numbers[0]! || a.index - b.index);
  // New to the article: unlike every sentence used, or (thin sources) another outlet's account that still adds
  // several facts of its own — never a near-copy (75% shared) of one already there.
  const usedWords = new Set<string>();
  const adds = (s: Sentence) => {
    let n = 0;
    for (const w of s.content) if (!usedWords.has(w)) n++;
    return n;
  };
  const fresh = (s: Sentence) =>
    !used.includes(s) &&
    used.every((u) => {
      const o = overlap(u.content, s.content);
      if (sameFact === OTHER_ACCOUNT && u.account !== s.account) return jaccard(u.content, s.content) < OTHER_ACCOUNT_JACCARD;
      return o < Math.min(sameFact, SAME_FACT[2]!) || (thin && !s.headline && o < 0.75 && u.account !== s.account && adds(s) >= NEW_FACTS_WORDS);
    }) &&
    !(s.figures.length && s.figures.every((f) => usedFigures.has(f)) && used.some((u) => (sameFact !== OTHER_ACCOUNT || u.account === s.account) && overlap(u.content, s.content) >= 0.3));
  const quoteRoom = (s: Sentence) => !s.quoted || quoted + s.quoted <= limits.maxQuoteShare * Math.max(total + wordCount(s.text), 120);

  // A sentence as we print it: whole, attributed when it opens a paragraph, copied runs rewritten.
  // What a rewrite may not do: hand a quotation to another speaker, put our outlet on a cause's side, leave a sentence cut.
  // The same rendering is judged again on every attempt and question: judged once.
  const sound = (s: Sentence, text: string | undefined, publishers: readonly string[]) => {
    if (!text) return undefined;
    const key = `sound|${publishers.join('|')}|${s.text}|${text}`;
    if (!rendered.has(key)) rendered.set(key, keepsSpeakers(s.text, text) && !attributionInCause(text, publishers) && !sentences(text).some(cutOff) ? text : undefined);
    return rendered.get(key);
  };
  const render = (s: Sentence, publishers: string[] | null): string | undefined => {
    if (!publishers) return restate(s.text, copied);
    const styles = styleTurn++ % 2 ? (['suffix', 'prefix', 'middle'] as const) : (['prefix', 'suffix', 'middle'] as const);
    // Our own words first (rewrites, the attribution splitting a long stretch); a closing quotation only after.
    // The whole sentence first, then reordered and condensed by rule (asides dropped, found only when needed), before any quotation.
    const variants = [s.text];
    for (let v = 0; v < variants.length; v++) {
      const variant = variants[v]!;
      // "According to P, …" and "…, P reported." leave the same words in a row: when one copies a run, so does the
      // other (remembered across attempts, which alternate the two).
      const plainCopies = `copies|${publishers.join('|')}|${variant}`;
      for (const style of styles) {
        if (style !== 'middle' && rendered.has(plainCopies)) continue;
        const key = `${style}|${publishers.join('|')}|${variant}`;
        if (!rendered.has(key)) {
          const text = breakCopiedRuns(attribute(variant, publishers, style, proper), copied);
          if (!text && style !== 'middle') rendered.set(plainCopies, undefined);
          rendered.set(key, sound(s, text, publishers));
        }
        const text = rendered.get(key);
        if (text) return text;
      }
      if (v === 0) variants.push(...condensedOf(s.text));
    }
    const key = `quoting|${phrases || ''}|${publishers.join('|')}|${s.text}`;
    if (!rendered.has(key)) {
      const attributed = attribute(s.text, publishers, 'prefix', proper);
      // A quoted phrase is a last resort, for thin sources: a phrase quoted from the outlet's narrative gives the
      // `quotes` check no speaker to verify.
      const text = restate(attributed, copied, words(attributed).length - words(s.text).length, phrases);
      rendered.set(key, sound(s, text, publishers));
    }
    return rendered.get(key);
  };
  // A text's quoted words are counted again as it is taken, weighed and given back: counted once.
  const quotedCounts = new Map<string, number>();
  const quotedWords = (text: string) => {
    let n = quotedCounts.get(text);
    if (n === undefined) quotedCounts.set(text, (n = countQuoted(text)));
    return n;
  };
  // Quotations within the stage's share of the article, and each report's within the `verbatim` check's per-source limit.
  const quotedBy = new Map<Account, number>();
  const withinQuoteShare = (text: string, account: Account) => {
    const q = quotedWords(text);
    // Unquoted words only lower the share, however far over it the article already is.
    if (!q) return true;
    const words = Math.max(total + wordCount(text), 150);
    return quoted + q <= limits.maxQuoteShare * words && (quotedBy.get(account) ?? 0) + q <= PER_SOURCE_QUOTE_SHARE * words;
  };
  const condensedOf = (text: string) => {
    if (!condensations.has(text)) {
      const fronted = timeFronted(text, proper);
      condensations.set(text, fronted ? [fronted, ...condensed(text)] : condensed(text));
    }
    return condensations.get(text)!;
  };
  const take = (s: Sentence, text: string, para: Para) => {
    used.push(s);
    for (const w of s.content) usedWords.add(w);
    for (const f of s.figures) usedFigures.add(f);
    para.texts.push(text);
    para.accounts.add(s.account);
    const q = quotedWords(text);
    para.quoted += q;
    quoted += q;
    quotedBy.set(s.account, (quotedBy.get(s.account) ?? 0) + q);
    total += wordCount(text);
  };
  // A paragraph: the sentence, attributed, and the one after it in the same report when that follows on.
  // Reader questions may be answered with a fact the body states (the `readability` repeat rule reads sections and
  // What This Means): on the last attempt an answer need only be a sentence not printed yet.
  const paragraph = (s: Sentence, supporters: Account[] = [], answer = false, reuse = false): Para | undefined => {
    const restates = !fresh(s);
    if (s.dependent || !quoteRoom(s) || (restates && !(answer && last && (reuse || !used.includes(s))))) return undefined;
    const text = render(s, [s.account.publisher, ...supporters.map((a) => a.publisher)]);
    // The two answers every brief needs, when the body's facts restated within the running budget do not give them,
    // may quote as much as their own words keep within one source's share (the finished article is held to its share).
    const answerShare = () => answer && reuse && quotingAnswers && quotedWords(text!) <= PER_SOURCE_QUOTE_SHARE * wordCount(text!);
    if (!text || !(withinQuoteShare(text, s.account) || answerShare())) return undefined;
    const para: Para = { texts: [], accounts: new Set(supporters), quoted: 0, restates };
    take(s, text, para);
    const next = pool.find((n) => n.account === s.account && n.index === s.index + 1);
    if (next && fresh(next) && quoteRoom(next) && (next.dependent || (!thin && next.score >= s.score * 0.6))) {
      // Two sentences in a row can make one long copied run across the stop: restated together.
      const both = restate(`${text} ${next.text}`, copied);
      if (both && keepsSpeakers(`${s.text} ${next.text}`, both) && withinQuoteShare(`${both} ${text}`, s.account)) {
        para.texts = [];
        take(next, both, para);
        total -= wordCount(text);
        quoted -= quotedWords(text);
        para.quoted -= quotedWords(text);
        quotedBy.set(s.account, quotedBy.get(s.account)! - quotedWords(text));
      }
    }
    return para.texts.join(' ').length >= 40 ? para : undefined;
  };

  // The lede: the most central opening sentence, attributed to every report that tells the same event.
  const ledeCandidates = byScore.filter((s) => s.index <= 2 && !s.quoted && !s.dependent && between(words(s.text).length, 8, 50));
  let lede: Para | undefined;
  let ledeAccount: Account | undefined;
  for (const s of [...ledeCandidates, ...byScore]) {
    // A supporter tells the same event and gives every figure the sentence states.
    const supporters = accounts.filter(
      (a) => a !== s.account && pool.some((o) => o.account === a && overlap(o.content, s.content) >= 0.4) && s.figures.every((f) => figuresOf(a).has(f)),
    );
    lede = paragraph(s, supporters.slice(0, 2));
    if (lede) {
      ledeAccount = s.account;
      break;
    }
  }
  if (!lede || !ledeAccount) return 'no sentence can open the article';


  // Where the accounts differ: both figures' sentences, whole, each attributed.
  const differ: Para[] = [];
  const asFacts = pool.map((s) => ({ source: s.account.sources[0]!, text: s.text, index: s.index, hasQuote: s.quoted > 0, s }));
  for (const [a, b] of disagreements(figures(asFacts)).slice(0, 2)) {
    const sa = asFacts.find((x) => x.source === a.source && x.text.includes(a.phrase))?.s;
    const sb = asFacts.find((x) => x.source === b.source && x.text.includes(b.phrase))?.s;
    if (!sa || !sb || sa.account === sb.account) continue;
    const para: Para = { texts: [], accounts: new Set(), quoted: 0 };
    for (const [s, disputed] of [[sa, a.phrase], [sb, b.phrase]] as const) {
      if (used.includes(s) || s.dependent || !quoteRoom(s)) continue;
      // The paragraph is about the disputed figure: a closing phrase with other figures is left to the details.
      const focused = s.figures.length > 1 ? withoutTrailingFigures(s.text, disputed) : s.text;
      const text = render(focused === s.text ? s : { ...s, text: focused }, [s.account.publisher]);
      if (text && withinQuoteShare(text, s.account)) take(s, text, para);
    }
    if (para.texts.length && para.texts.join(' ').length >= 40) differ.push(para);
  }

  // What this means: what the reports say comes next, else what follows from the event.
  const whatThisMeans: Para[] = [];
  const CONSEQUENCE = /\b(?:means?|meaning|impact|affect|consequences?|risks?|warn\w*|concerns?|critics|analysts|experts|could|may|might)\b/i;
  // The report sentence What This Means was taken from..
  let meansFrom: Sentence | undefined;
  for (const s of [...byScore.filter((x) => FUTURE.test(x.text)), ...byScore.filter((x) => CONSEQUENCE.test(x.text)), ...byScore.filter((x) => x.index >= 1)]) {
    const p = paragraph(s);
    if (p) {
      whatThisMeans.push(p);
      meansFrom = s;
      break;
    }
  }
  // Nothing in the reports looks ahead: said so, of the reports themselves, rather than guessed ("says more" once
  // the finished article tells something that lies ahead, so that What This Means never contradicts it).
  const noneLooksAhead = (more = false): Para => {
    const names = accounts.map((a) => a.publisher);
    const says = more ? 'says more about what happens next' : 'says what happens next';
    const text = names.length === 2 ? `Neither ${names[0]} nor ${names[1]} ${says}.` : `None of the reports, from ${listOf(names)}, ${says}.`;
    return { texts: [text], accounts: new Set(accounts), quoted: 0, noneAhead: true };
  };
  if (!whatThisMeans.length && last && accounts.length > 1) whatThisMeans.push(noneLooksAhead());
  if (!whatThisMeans.length) return 'no sentence says what comes next or follows';

  // The reader's questions, each answered by a sentence not used above (or, for the thinnest sources, one the body uses).
  const faq: { question: string; answer: Para }[] = [];
  const asked = new Set<QuestionKind>();
  // One answer a sentence: two questions answered alike tell the reader nothing.
  const answered = new Set<Sentence>();
  const ask = (reuse: boolean, upTo = 4) => {
  for (const want of ['happened', 'affected', 'figures', 'next', 'reaction', 'more', 'also'] as const) {
    if (faq.length >= upTo) break;
    if (asked.has(want)) continue;
    for (const s of byScore) {
      if (answered.has(s) || !kindsOf(s).includes(want) || (want === 'happened' && s.account === ledeAccount)) continue;
      const question = questionFor(want, s, topic);
      if (faq.some((f) => f.question === question)) continue;
      const p = paragraph(s, [], true, reuse);
      if (!p) continue;
      faq.push({ question, answer: p });
      answered.add(s);
      asked.add(want);
      break;
    }
  }
  };

  // Thin sources fill the sections first: an answer may then restate what the body says, a section may not.
  if (!last) ask(false);
  // The key facts, once each, the most central first.
  const details: Para[] = [];
  for (const s of byScore) {
    if (details.length >= MAX_DETAIL_PARAGRAPHS) break;
    const p = paragraph(s);
    if (p) details.push(p);
  }
  if (last) {
    ask(false);
    if (faq.length < 2) ask(true);
    quotingAnswers = true;
    if (faq.length < 2) ask(true, DRAFT_LIMITS.faq.min);
  }
  // A second section from an answer only when the body has not stated that answer already.
  for (let i = faq.length - 1; i >= 0 && faq.length > 2 && !details.length; i--) {
    if (!faq[i]!.answer.restates) details.push(faq.splice(i, 1)[0]!.answer);
  }
  if (faq.length < 2) return 'too few distinct facts for the reader questions';
  // The shortest complete brief: the body is the lede alone, and What This Means holds a fact that does not look
  // ahead (no report's sentence does) — that fact is the second section, and What This Means says none looks ahead.
  const noReportLooksAhead = last && accounts.length > 1 && !pool.some((s) => FUTURE.test(s.text));
  if (noReportLooksAhead && !details.length && !differ.length && meansFrom) {
    details.push(whatThisMeans.shift()!);
    whatThisMeans.unshift(noneLooksAhead());
  }

  // Over the share of quotation a reader can take: the paragraphs quoting most, where the brief can spare them
  // (a second section, What This Means and two answers stay), go until it is within the share. When no report
  // looks ahead, a What This Means paragraph taken from another sentence may give way to saying so.
  const counted = (p: Para) => ({ quoted: p.quoted, words: wordCount(p.texts.join(' ')) });
  const spareFrom = (list: Para[]) => list.map((p) => ({ paragraph: counted(p), drop: () => list.splice(list.indexOf(p), 1) }));
  withinQuotationShare(
    () => [lede, ...differ, ...details, ...whatThisMeans, ...faq.map((f) => f.answer)].map(counted),
    () => [
      ...(differ.length + details.length > 1 ? [...spareFrom(differ), ...spareFrom(details)] : []),
      ...(whatThisMeans.length > 1 ? spareFrom(whatThisMeans) : []),
      ...(noReportLooksAhead && whatThisMeans.length === 1 && whatThisMeans[0]!.quoted ? [{ paragraph: counted(whatThisMeans[0]!), drop: () => whatThisMeans.splice(0, 1, noneLooksAhead()) }] : []),
      ...(faq.length > 2 ? faq.map((f) => ({ paragraph: counted(f.answer), drop: () => faq.splice(faq.indexOf(f), 1) })) : []),
    ],
    MAX_QUOTE_SHARE,
  );

  const sections = [
    { heading: 'What happened', paras: [lede] },
    { heading: 'Where the accounts differ', paras: differ },
    { heading: 'The details', paras: details.slice(0, 4) },
    { heading: 'More from the reports', paras: details.slice(4) },
  ].filter((s) => s.paras.length);
  if (sections.length < 2) return 'too few distinct facts for a second section';

  // Every headline quotes someone (a quotation attributed to an outlet names the wrong speaker): the standfirst is
  // then another report's sentence, attributed, unquoted ones first.
  const standfirst = (titled: Account) => {
    const candidates = byScore.filter((s) => !s.dependent && !s.headline && !lede!.texts.some((t) => t.includes(s.text.slice(0, 40))));
    const fresh = candidates.filter((s) => !used.includes(s));
    const order = [...fresh.filter((s) => !s.quoted && s.account !== titled), ...fresh.filter((s) => !s.quoted), ...candidates.filter((s) => !s.quoted), ...candidates];
    for (const s of order) {
      const text = render(s, [s.account.publisher]);
      if (text && text.length >= DRAFT_LIMITS.dek.min && text.length <= DRAFT_LIMITS.dek.max) return { text, account: s.account };
    }
    return undefined;
  };
  // Headline and standfirst from the reports' headlines, preferring those the body has not already used as a sentence.
  const headlineUsed = (a: Account) => used.some((u) => u.headline && u.account === a);
  const byFreshHeadline = [...accounts].sort((a, b) => Number(headlineUsed(a)) - Number(headlineUsed(b)) || Number(b === ledeAccount) - Number(a === ledeAccount));
  const title = composeTitle(byFreshHeadline, byFreshHeadline[0]!, copied);
  const dek = title && (composeDek(byFreshHeadline, title.account, proper, copied) ?? standfirst(title.account));
  if (!title || !dek) return 'no headline or standfirst fits the limits';

  const told = [...sections.flatMap((s) => s.paras), ...faq.map((f) => f.answer)].some((p) => FUTURE.test(p.texts.join(' ')));
  for (const [i, p] of whatThisMeans.entries()) if (p.noneAhead && told) whatThisMeans[i] = noneLooksAhead(true);

  // The share is checked on the finished article too: the running budget is generous while the article is short.
  const body = [...sections.flatMap((s) => s.paras), ...whatThisMeans, ...faq.map((f) => f.answer)];
  // A brief from one report is that report retold: the next attempt may find another's account to cite (the very
  // last gives it to the checks, which hold it for an editor with the reason).
  if (phrases !== 'quoting' && accounts.length > 1 && new Set(body.flatMap((p) => [...p.accounts])).size < 2) return 'every paragraph comes from one report';
  const bodyWords = body.reduce((n, p) => n + wordCount(p.texts.join(' ')), 0);
  if (body.reduce((n, p) => n + p.quoted, 0) > MAX_QUOTE_SHARE * bodyWords) return 'quotations would pass the share a reader can take';


  const cited = (p: Para): Cited => ({ text: p.texts.join(' '), citations: [...p.accounts].flatMap((a) => a.numbers).sort((x, y) => x - y) });
  return {
    title: title.text,
    dek: dek.text,
    category: chooseCategory(all, categories.length ? categories : ['News']),
    tags: chooseTags(all),
    sections: sections.map((s) => ({ heading: s.heading, paragraphs: s.paras.map(cited) })),
    whatThisMeans: whatThisMeans.map(cited),
    faq: faq.map((f) => ({ question: f.question, answer: cited(f.answer) })),
  };
}

/** The outlets of a story, for a caller's summary line. */
export { publishersOf };

// "… 42,000 applications processed by the platform for 130 employers over eighteen months." -> "… processed by the platform."
const PREPOSITION = /\s(?:for|over|in|across|at|with|from|by|to|among|including)\s/g;

/** The sentence without its closing prepositional phrase when that phrase holds figures other than `keep`. */
function withoutTrailingFigures(text: string, keep: string): string {
  const end = text.length - 1;
  const head = text.slice(0, end);
  for (const m of [...head.matchAll(PREPOSITION)].reverse()) {
    const tail = head.slice(m.index);
    if (/[,;:"“”]/.test(tail)) break;
    if (!/\d/.test(tail)) continue;
    const rest = head.slice(0, m.index);
    return tail.includes(keep) || !rest.includes(keep) || words(rest).length < 6 ? text : `${rest}${text.slice(end)}`;
  }
  return text;
}

function between(n: number, min: number, max: number): boolean {
  return n >= min && n <= max;
}
