/**
 * The checks measured on real news (NeuS train split, read from NEUS_DIR, never committed):
 * - model-written: our committed drafts of train events, each faithful and with one realistic model error;
 * - summaries: the data set's neutral human summaries, faithful and with one fault injected by rule.
 * Caught = the damaged copy has a finding (blocking, or an `entities` flag) that its faithful copy does not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkArticle, type CheckPolicy } from '../../src/pipeline/check';
import { extractEntities } from '../../src/pipeline/check/extract/entities';
import { extractFigures } from '../../src/pipeline/check/extract/numbers';
import type { ArticleDraft, CheckReport, SourceDoc } from '../../src/pipeline/types';
import { loadNeus, NEUS_PUBLISHERS, type NeusEvent } from './neus';
import { rng } from '../fixtures/checks/corrupt';
import { EVAL_NOW, type EvalStory } from '../fixtures/checks/story';

/** The kinds of model error in the committed drafts. */
export const MODEL_ERRORS = ['figure', 'figure-measure', 'date', 'weekday', 'quote', 'speaker', 'who-did-what', 'status-tense', 'cause'] as const;
export type ModelError = (typeof MODEL_ERRORS)[number];

/** Detection targets per model-error kind (issue 8). */
export const MODEL_ERROR_TARGETS: Record<ModelError, number> = {
  figure: 0.95, 'figure-measure': 0.95, date: 0.95, weekday: 0.95, quote: 0.95, speaker: 0.95,
  'who-did-what': 0.85, 'status-tense': 0.85, cause: 0.6,
};

/** One committed model-written draft: a faithful article and the find/replace that makes its one error. */
export interface ModelDraft {
  event: number;
  split: 'train';
  set: 'dev' | 'held-out';
  draft: ArticleDraft;
  error: { kind: ModelError; find: string; replace: string; note: string };
}

const DRAFTS_DIR = new URL('../fixtures/checks/model-written/', import.meta.url);

/** Every committed model-written draft, in file order. */
export function modelDrafts(): ModelDraft[] {
  return readdirSync(DRAFTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(DRAFTS_DIR.pathname, f), 'utf8')) as ModelDraft[]);
}

/** An event's reports as numbered sources, published a few hours before EVAL_NOW. */
export function eventSources(event: NeusEvent): SourceDoc[] {
  return event.reports.map((r, i) => {
    const publisher = NEUS_PUBLISHERS[i] ?? `Publisher ${i + 1}`;
    return {
      n: i + 1,
      publisher,
      url: `https://${publisher.toLowerCase().replace(/[^a-z]+/g, '-')}.example/neus-train-${event.index}`,
      title: r.title,
      text: r.text,
      publishedAt: new Date(Date.parse(EVAL_NOW) - (3 + i) * 3_600_000).toISOString(),
    };
  });
}

/** The draft with every text field passed through `edit`. */
export function mapDraftText(draft: ArticleDraft, edit: (text: string) => string): ArticleDraft {
  const c = (x: { text: string; citations: number[] }) => ({ ...x, text: edit(x.text) });
  return {
    ...draft,
    title: edit(draft.title),
    dek: edit(draft.dek),
    sections: draft.sections.map((s) => ({ heading: edit(s.heading), paragraphs: s.paragraphs.map(c) })),
    whatThisMeans: draft.whatThisMeans.map(c),
    faq: draft.faq.map((f) => ({ question: edit(f.question), answer: c(f.answer) })),
  };
}

/** Findings of a report that count as catching an error: blocking failures and `entities` flags. */
export function findings(report: CheckReport): Set<string> {
  const out = new Set<string>();
  for (const r of report.results) {
    if (r.passed || (r.severity === 'warn' && r.name !== 'entities')) continue;
    for (const d of r.details) out.add(`${r.name}: ${d}`);
  }
  return out;
}

/**
 * Findings of the damaged copy that the faithful copy does not have. Findings are compared without their
 * excerpts (after " — "): a flag the faithful copy already had is no catch because the error changed a word
 * of the sentence it quotes.
 */
export function newFindings(faithful: CheckReport, damaged: CheckReport): string[] {
  const claim = (f: string) => f.split(' — ')[0]!;
  const before = new Set([...findings(faithful)].map(claim));
  return [...findings(damaged)].filter((f) => !before.has(claim(f)));
}

export interface KindScore { kind: string; total: number; caught: number; misses: string[] }
export interface RealScore {
  total: number;
  held: string[];
  /** Summaries whose every figure, capitalised word and quotation is in the sources as a string: a hold of one is surely false. */
  verifiable?: { total: number; held: string[] };
  entityFlagged: string[];
  byKind: KindScore[];
}

function tally(byKind: Map<string, KindScore>, kind: string, caught: boolean, miss: string) {
  let t = byKind.get(kind);
  if (!t) byKind.set(kind, (t = { kind, total: 0, caught: 0, misses: [] }));
  t.total++;
  if (caught) t.caught++;
  else t.misses.push(miss);
}

function blockingLines(key: string, report: CheckReport): string[] {
  return report.results.filter((r) => !r.passed && r.severity === 'block').map((r) => `${key} ${r.name}: ${r.details.join(' | ')}`);
}

/** The model-written drafts of one set, checked faithful and with their error. */
export function evaluateModelDrafts(events: Map<number, NeusEvent>, drafts: ModelDraft[], policy: Partial<CheckPolicy>): RealScore {
  const held: string[] = [];
  const entityFlagged: string[] = [];
  const byKind = new Map<string, KindScore>(MODEL_ERRORS.map((k) => [k, { kind: k, total: 0, caught: 0, misses: [] }]));
  const drafted = new Map<number, number>();
  for (const d of drafts) {
    const event = events.get(d.event);
    if (!event) throw new Error(`model-written draft of train event ${d.event}: no such event in NEUS_DIR`);
    const sources = eventSources(event);
    // Holds are counted by key: a second draft of an event (batches wa on) needs a key of its own ("train-1708b").
    const nth = (drafted.get(d.event) ?? 0) + 1;
    drafted.set(d.event, nth);
    const key = `train-${d.event}${nth > 1 ? String.fromCharCode(96 + nth) : ''}`;
    const faithful = checkArticle(d.draft, sources, policy);
    if (!faithful.passed) held.push(...blockingLines(key, faithful));
    const entities = faithful.results.find((r) => r.name === 'entities');
    if (entities && !entities.passed) entityFlagged.push(`${key}: ${entities.details.join(' | ')}`);
    const damaged = checkArticle(mapDraftText(d.draft, (t) => t.replace(d.error.find, d.error.replace)), sources, policy);
    const fresh = newFindings(faithful, damaged);
    tally(byKind, d.error.kind, fresh.length > 0, `${key}: "${d.error.find}" -> "${d.error.replace}" (${d.error.note})`);
  }
  return { total: drafts.length, held, entityFlagged, byKind: [...byKind.values()] };
}

/**
 * A finding's kind: its check and its wording, with the quoted claim, our outlets, figures and excerpts taken out
 * ("entities: Q stands where S names X"), so findings of one mechanism count together.
 */
export function findingKind(finding: string): string {
  const colon = finding.indexOf(':');
  const rest = finding.slice(colon + 1).split(' — ')[0]!.replace(/^[^:]*: /, '');
  const kind = rest
    .replace(/"[^"]*"/g, 'Q')
    .replace(/\[\d+\] [^,;(]+?(?= gives| names| has| reports| attributes| does| which| outside|,|;| \(|$)/g, 'S')
    .replace(/(?:S, )+S/g, 'S')
    .replace(/\d+(?:%| consecutive words)/g, 'N')
    .replace(/\(it is in .*$/, '(it is in an uncited source)')
    .replace(/ names .*$/, ' names X')
    .replace(/ gives (these words|the quotation) to .*$/, ' gives $1 to X')
    .replace(/ gives (?!it|these|the quotation).*$/, ' gives X')
    .replace(/^Q [\p{L}-]+ where S has .*$/u, 'Q acts where S has another actor')
    .replace(/ calls .+?, which /, ' calls X a status, which ')
    .replace(/credited to [^,]+, but/, 'credited to S, but');
  return `${finding.slice(0, colon)}: ${kind}`.trim();
}

export interface FindingTrade {
  kind: string;
  /** Faithful drafts with a finding of this kind. */
  faithful: number;
  /** Errors whose damaged copy's new findings are all of this kind. */
  alone: number;
  /** Errors whose damaged copy has a new finding of this kind. */
  caught: number;
}

/** Per kind of finding (`findingKind`): what it costs on faithful drafts and what it catches, most faithful drafts first. */
export function findingTrades(events: Map<number, NeusEvent>, drafts: ModelDraft[], policy: Partial<CheckPolicy>): FindingTrade[] {
  const rows = new Map<string, FindingTrade>();
  const row = (kind: string) => rows.get(kind) ?? rows.set(kind, { kind, faithful: 0, alone: 0, caught: 0 }).get(kind)!;
  for (const d of drafts) {
    const event = events.get(d.event);
    if (!event) continue;
    const sources = eventSources(event);
    const faithful = checkArticle(d.draft, sources, policy);
    for (const kind of new Set([...findings(faithful)].map(findingKind))) row(kind).faithful++;
    const fresh = new Set(newFindings(faithful, checkArticle(mapDraftText(d.draft, (t) => t.replace(d.error.find, d.error.replace)), sources, policy)).map(findingKind));
    for (const kind of fresh) row(kind).caught++;
    if (fresh.size === 1) row([...fresh][0]!).alone++;
  }
  return [...rows.values()].sort((a, b) => b.faithful - a.faithful || b.caught - a.caught || a.kind.localeCompare(b.kind));
}

/** The model-written drafts as evaluation stories, for the rule-made corruptions of ./corrupt. */
export function modelStories(events: Map<number, NeusEvent>, drafts: ModelDraft[]): EvalStory[] {
  return drafts.flatMap((d) => {
    const event = events.get(d.event);
    return event ? [{ key: `train-${d.event}`, origin: 'hand' as const, sources: eventSources(event), draft: d.draft }] : [];
  });
}

// Summaries are one paragraph: only the checks that read claims apply (not the article's shape).
const SUMMARY_CHECKS = new Set(['citations', 'numbers', 'quotes', 'entities', 'verbatim']);

/** A neutral summary as a minimal draft: its text is the one cited paragraph. */
export function summaryDraft(event: NeusEvent): ArticleDraft {
  const cite = event.reports.map((_, i) => i + 1);
  return {
    title: event.summary.title,
    dek: event.summary.title,
    category: 'Politics',
    tags: [],
    sections: [{ heading: 'What happened', paragraphs: [{ text: event.summary.text, citations: cite }] }],
    whatThisMeans: [],
    faq: [],
  };
}

function summaryReport(report: CheckReport): CheckReport {
  const results = report.results.filter((r) => SUMMARY_CHECKS.has(r.name));
  return { ...report, results, passed: results.every((r) => r.passed || r.severity === 'warn') };
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** One rule-made fault of a summary's text, or null when the summary has nothing of that kind. */
export function summaryFault(kind: string, text: string, sources: SourceDoc[], rand: () => number): { text: string; change: string } | null {
  const pick = <T>(list: T[]): T | undefined => list[Math.floor(rand() * list.length)];
  const splice = (at: number, len: number, insert: string) => text.slice(0, at) + insert + text.slice(at + len);
  // A fault is made only of what the sources give: replacing a figure no source has (the data set's summaries hold
  // some from the full articles) makes the text no less supported, and no check could tell it.
  const given = new Set(sources.flatMap((s) => extractFigures(`${s.title}. ${s.text}`)).map((g) => g.key));
  const figures = extractFigures(text).filter((f) => !f.soft && (f.kind === 'number' || f.kind === 'percent') && given.has(f.key));
  switch (kind) {
    case 'figure-from-sources': {
      const f = pick(figures);
      if (!f) return null;
      const rivals = sources.flatMap((s) => extractFigures(`${s.title}. ${s.text}`)).filter((g) => g.kind === f.kind && !g.soft && g.key !== f.key);
      const g = pick(rivals);
      return g ? { text: splice(f.start, f.raw.length, g.raw), change: `"${f.raw}" -> "${g.raw}" (a figure of the sources)` } : null;
    }
    case 'figure-changed': {
      const f = pick(figures);
      if (!f) return null;
      const digits = /\d[\d,]*(?:\.\d+)?/.exec(f.raw);
      if (!digits) return null;
      const value = Number(digits[0].replace(/,/g, ''));
      const next = value < 10 ? value + 2 : Math.round(value * (rand() < 0.5 ? 1.3 : 0.7));
      const raw = f.raw.replace(digits[0], next.toLocaleString('en-US'));
      return { text: splice(f.start, f.raw.length, raw), change: `"${f.raw}" -> "${raw}"` };
    }
    case 'weekday': {
      const m = [...text.matchAll(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g)];
      const w = pick(m);
      if (!w) return null;
      const next = WEEKDAYS[(WEEKDAYS.indexOf(w[1]!) + 1 + Math.floor(rand() * 5)) % 7]!;
      return { text: splice(w.index, w[0].length, next), change: `${w[1]} -> ${next}` };
    }
    case 'date': {
      const d = pick(extractFigures(text).filter((f) => (f.kind === 'date' || f.kind === 'year') && /\d/.test(f.raw) && given.has(f.key)));
      if (!d) return null;
      if (d.kind === 'year') return { text: splice(d.start, d.raw.length, String(Number(d.raw) - 1)), change: `${d.raw} -> ${Number(d.raw) - 1}` };
      const m = /(\d{1,2})/.exec(d.raw)!;
      const day = Number(m[1]);
      const next = day > 25 ? day - 2 : day + 2;
      const raw = d.raw.replace(m[1]!, String(next));
      return { text: splice(d.start, d.raw.length, raw), change: `"${d.raw}" -> "${raw}"` };
    }
    case 'name-swap': {
      const all = sources.map((s) => `${s.title} ${s.text}`).join(' ');
      const mine = extractEntities(text).filter((e) => !e.sentenceInitial && all.includes(e.raw));
      const e = pick(mine);
      if (!e) return null;
      const others = sources.flatMap((s) => extractEntities(s.text)).filter((x) => !x.words.some((w) => e.words.includes(w)) && x.words.length === e.words.length);
      const o = pick(others);
      return o ? { text: splice(e.start, e.raw.length, o.raw), change: `"${e.raw}" -> "${o.raw}"` } : null;
    }
  }
  return null;
}

export const SUMMARY_FAULTS = ['figure-from-sources', 'figure-changed', 'date', 'weekday', 'name-swap'] as const;

/** Neutral summaries: false holds, and detection of one rule-made fault per kind. */
export function evaluateSummaries(events: NeusEvent[], policy: Partial<CheckPolicy>, seed = 8): RealScore {
  const held: string[] = [];
  const entityFlagged: string[] = [];
  const byKind = new Map<string, KindScore>(SUMMARY_FAULTS.map((k) => [k, { kind: k, total: 0, caught: 0, misses: [] }]));
  const verifiable = { total: 0, held: [] as string[] };
  for (const event of events) {
    const sources = eventSources(event);
    const draft = summaryDraft(event);
    const key = `train-${event.index}`;
    const faithful = summaryReport(checkArticle(draft, sources, policy));
    if (!faithful.passed) held.push(...blockingLines(key, faithful));
    if (verifiableIn(event.summary.text, sources, event.summary.title)) {
      verifiable.total++;
      if (!faithful.passed) verifiable.held.push(...blockingLines(key, faithful));
    }
    const entities = faithful.results.find((r) => r.name === 'entities');
    if (entities && !entities.passed) entityFlagged.push(`${key}: ${entities.details.join(' | ')}`);
    const rand = rng(seed + event.index);
    for (const kind of SUMMARY_FAULTS) {
      const fault = summaryFault(kind, event.summary.text, sources, rand);
      if (!fault) continue;
      const damagedDraft = { ...draft, sections: [{ heading: 'What happened', paragraphs: [{ text: fault.text, citations: draft.sections[0]!.paragraphs[0]!.citations }] }] };
      const damaged = summaryReport(checkArticle(damagedDraft, sources, policy));
      tally(byKind, kind, newFindings(faithful, damaged).length > 0, `${key}: ${fault.change}`);
    }
  }
  return { total: events.length, held, entityFlagged, byKind: [...byKind.values()], verifiable };
}

/**
 * Whether every figure, capitalised word (past a sentence's first) and quotation of a text is in the
 * sources as a plain string: a test that shares nothing with the checks, so a hold of such a summary is a false hold.
 */
export function verifiableIn(text: string, sources: SourceDoc[], title = ''): boolean {
  const plain = (t: string) => t.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  const all = plain(sources.map((s) => `${s.title} ${s.text}`).join(' '));
  const lower = all.toLowerCase();
  const body = plain(text);
  const head = plain(title);
  const figures = (t: string) => t.match(/\d[\d,.]*\d|\d/g) ?? [];
  const quotes = (t: string) => [...t.matchAll(/"([^"]{3,}?)[,.]?"/g)].map((m) => m[1]!.toLowerCase());
  const pieces = [
    ...figures(body),
    ...figures(head),
    // A headline is in title case: only its figures and quotations are looked for.
    ...[...body.matchAll(/(?<![.!?"]\s|^)\b[A-Z][\w'-]+/g)].map((m) => m[0].replace(/'s$/, '')),
  ];
  return pieces.every((x) => all.includes(x)) && [...quotes(body), ...quotes(head)].every((q) => lower.includes(q));
}

/** Events by index, for joining committed drafts with the data set. */
export function eventsByIndex(dir: string): Map<number, NeusEvent> {
  return new Map(loadNeus(dir).map((e) => [e.index, e]));
}
