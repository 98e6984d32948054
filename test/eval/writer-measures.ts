// What a reader notices in a set of drafts: cut sentences (as the `readability` check reads them), pronoun openings, repeats, quotation share,
// template sentences and questions, headlines copied from a source.
import { contentWords, jaccard, sentences, words } from '../../src/lib/text';
import { cutOff } from '../../src/pipeline/check/readability';
import type { ArticleDraft, SourceDoc } from '../../src/pipeline/types';

export interface Readability {
  paragraphs: number;
  sentences: number;
  cutOff: number;
  pronounOpenings: number;
  repeated: number;
  bodyWords: number;
  quotedWords: number;
  overQuoteLimit: number;
  templateSentences: number;
  questions: number;
  templateQuestions: number;
  copiedHeadlines: number;
  /** Per article: whether it meets the readability rules (no cut, pronoun opening or repeat; quotations ≤ 40%). */
  perArticle: Map<ArticleDraft, { passes: boolean }>;
  examples: string[];
}

const PRONOUN = /^(?:he|she|they|it|this|these|those|his|her|their|its|we|them|him)\b/i;
const QUOTED = /["“][^"“”]*["”]/g;

function body(d: ArticleDraft): string[] {
  return [...d.sections.flatMap((s) => s.paragraphs.map((p) => p.text)), ...d.whatThisMeans.map((p) => p.text), ...d.faq.map((f) => f.answer.text)];
}

/** A sentence's shape with names, figures and quotations masked: sentences sharing one are a template. */
export function shape(sentence: string): string {
  return sentence
    .replace(QUOTED, ' Q ')
    .split(/\s+/)
    .map((w, i) => (/\d/.test(w) ? 'N' : i > 0 && /^\p{Lu}/u.test(w) ? 'X' : w.toLowerCase().replace(/[^\p{L}]/gu, '')))
    .filter(Boolean)
    .join(' ')
    .replace(/\b(X|N)(?: \1)+\b/g, '$1');
}

export function readability(drafts: ArticleDraft[], sourcesOf: SourceDoc[][]): Readability {
  const r: Readability = {
    paragraphs: 0, sentences: 0, cutOff: 0, pronounOpenings: 0, repeated: 0, bodyWords: 0, quotedWords: 0, overQuoteLimit: 0,
    templateSentences: 0, questions: 0, templateQuestions: 0, copiedHeadlines: 0, perArticle: new Map(), examples: [],
  };
  const sentenceShapes = new Map<string, Set<number>>();
  const questionShapes = new Map<string, Set<number>>();
  const perDraft: { sentenceShapes: string[]; questionShapes: string[] }[] = [];
  drafts.forEach((d, i) => {
    let ok = true;
    const seen: { text: string; content: Set<string> }[] = [];
    let quoted = 0;
    let total = 0;
    const shapes: string[] = [];
    const answers = d.faq.length;
    const paragraphs = body(d);
    for (const [at, paragraph] of paragraphs.entries()) {
      const isAnswer = at >= paragraphs.length - answers;
      r.paragraphs++;
      const opener = paragraph.replace(/^According to [^,]{1,80}, /, '');
      if (PRONOUN.test(opener)) {
        r.pronounOpenings++;
        ok = false;
        r.examples.push(`pronoun opening: ${paragraph.slice(0, 100)}`);
      }
      total += words(paragraph).length;
      for (const m of paragraph.matchAll(QUOTED)) quoted += words(m[0]).length;
      for (const s of sentences(paragraph)) {
        r.sentences++;
        shapes.push(shape(s));
        if (cutOff(s)) {
          r.cutOff++;
          ok = false;
          r.examples.push(`cut off: ${s.slice(-100)}`);
        }
        // Our attributions ("According to P, …", "…, P reported.") are not the sentence's facts.
        const content = new Set(contentWords(s.replace(/^According to [^,]{1,80}, /, '').replace(/, [^,]{1,60} reported\.$/, '.')));
        // As the `readability` check reads repeats: sections and What This Means, Jaccard of content words ≥ 0.75.
        const twin = !isAnswer && seen.find((x) => x.text === words(s).join(' ') || (content.size >= 5 && x.content.size >= 5 && jaccard(content, x.content) >= 0.75));
        if (twin) {
          r.repeated++;
          ok = false;
          r.examples.push(`repeated: ${s.slice(0, 100)}`);
        }
        if (!isAnswer) seen.push({ text: words(s).join(' '), content });
      }
    }
    r.bodyWords += total;
    r.quotedWords += quoted;
    if (total && quoted / total > 0.4) {
      r.overQuoteLimit++;
      ok = false;
    }
    const sources = sourcesOf[i] ?? [];
    if (sources.some((s) => words(s.title).join(' ') === words(d.title).join(' '))) r.copiedHeadlines++;
    const questions = d.faq.map((f) => shape(f.question));
    perDraft.push({ sentenceShapes: shapes, questionShapes: questions });
    for (const s of new Set(shapes)) sentenceShapes.set(s, (sentenceShapes.get(s) ?? new Set()).add(i));
    for (const q of new Set(questions)) questionShapes.set(q, (questionShapes.get(q) ?? new Set()).add(i));
    r.perArticle.set(d, { passes: ok });
  });
  const common = (m: Map<string, Set<number>>, s: string) => drafts.length >= 3 && (m.get(s)?.size ?? 0) >= 0.3 * drafts.length;
  for (const d of perDraft) {
    r.templateSentences += d.sentenceShapes.filter((s) => common(sentenceShapes, s)).length;
    r.questions += d.questionShapes.length;
    r.templateQuestions += d.questionShapes.filter((q) => common(questionShapes, q)).length;
  }
  return r;
}

