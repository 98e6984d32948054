/**
 * Outcomes: the stage an action has reached, as its verb tells it — a bill introduced, passed, signed or blocked; a
 * request made or granted; a trial opened or wrapped up; a suspect charged or convicted. A model that rewrites the verb
 * moves the action to another stage ("Senate Democrats have passed S. 1" where they introduced it), and no figure, name
 * or tense marker changes with it: the verb is the claim.
 */
import { contentWords } from '../../lib/text';

/** A stage of an action, as a closed class of verbs reports it. */
export type Stage = 'proposed' | 'considering' | 'requested' | 'passed' | 'enacted' | 'rejected' | 'granted' | 'begun' | 'ended' | 'charged' | 'convicted' | 'acquitted';

// Each stage's verbs, in every form a report gives them (a headline's present, a past, a participle): stems before an
// inflection. "Signed" alone is no enactment ("signed a letter"): only "signed into law" is.
const STAGE_WORDS: [Stage, RegExp][] = [
  ['proposed', /^(?:introduc|propos|unveil|floated|floats?$|float(?:ing)?$|draft(?:ed|s|ing)?$)/],
  ['considering', /^(?:consider|weigh(?:s|ed|ing)?$|mull|evaluat|deliberat)/],
  ['requested', /^(?:ask(?:s|ed|ing)?$|request|sought$|seek(?:s|ing)?$|petition|appeal(?:s|ed|ing)?$)/],
  ['passed', /^(?:pass(?:es|ed|ing)?$|approv|adopt(?:s|ed|ing)?$|ratif)/],
  ['enacted', /^(?:enact)/],
  ['rejected', /^(?:reject|defeat(?:s|ed|ing)?$|vetoe?[sd]?$|vetoing$|den(?:y|ies|ied|ying)$|refus|struck$|strikes?$)/],
  ['granted', /^(?:grant(?:s|ed|ing)?$|won$|wins?$|award(?:s|ed|ing)?$)/],
  ['begun', /^(?:open(?:s|ed|ing)?$|beg[aiu]n|begins|start(?:s|ed|ing)?$|launch)/],
  ['ended', /^(?:wrap(?:s|ped|ping)?$|conclud|finish|complet|end(?:s|ed|ing)?$)/],
  ['charged', /^(?:charg(?:e|es|ed|ing)$|indict)/],
  ['convicted', /^(?:convict(?:s|ed|ing)?$|sentenc)/],
  ['acquitted', /^(?:acquit)/],
];

// Stages that cannot both be true of one action at one time: the draft's stage against the source's.
const CONFLICTS: Record<Stage, readonly Stage[]> = {
  proposed: ['passed', 'enacted', 'rejected', 'granted', 'ended'],
  considering: ['passed', 'enacted', 'rejected', 'granted', 'ended'],
  requested: ['granted', 'rejected'],
  passed: ['proposed', 'considering', 'rejected'],
  enacted: ['proposed', 'considering', 'rejected'],
  rejected: ['passed', 'enacted', 'granted', 'proposed', 'considering'],
  granted: ['requested', 'rejected', 'proposed', 'considering'],
  begun: ['ended'],
  ended: ['begun', 'proposed', 'considering'],
  charged: ['convicted', 'acquitted'],
  convicted: ['charged', 'acquitted'],
  acquitted: ['charged', 'convicted'],
};

// Any stage's word, in one pass: most words are none, and twelve tests each cost more.
const ANY_STAGE = new RegExp(`^(?:${STAGE_WORDS.map(([, re]) => `(?:${re.source.slice(1)})`).join('|')})`);

/** The stage a verb word names, or undefined. */
export function stageOf(word: string): Stage | undefined {
  const w = word.toLowerCase();
  if (!ANY_STAGE.test(w)) return undefined;
  return STAGE_WORDS.find(([, re]) => re.test(w))?.[0];
}

/** A stage word of a text, with its offset just past the word and the content words (stemmed) of its clause after it. */
export interface StageUse {
  stage: Stage;
  raw: string;
  end: number;
  object: string[];
}

const WORD = /\p{L}+/gu;
// Where a verb's object ends: a clause break or a word that opens another clause.
const CLAUSE_END = /[,;:—–()]|\b(?:after|before|when|while|but|as|because|which|who|that|than|although|though|until|since|if|and)\b/i;
// Content words of an object that tell one action from another.
const OBJECT_WORDS = 3;
// "Signed into law": the one form of "sign" that enacts.
const INTO_LAW = /^\s+(?:\p{L}+\s+){0,4}?into\s+law\b/u;

const NOUN_BEFORE = new Set(['the', 'a', 'an', 'to', 'of', 'for', 'with', 'his', 'her', 'their', 'its', 'our', 'new', 'these', 'those', 'any', 'no', 'after', 'before', 'amid', 'over', 'by', 'on', 'in']);
const DENIED_BEFORE = /\b(?:not|never|failed\s+to|fails\s+to|refused\s+to|declined\s+to|unable\s+to|did\s+not|didn['’]t|won['’]t|cannot)\s+(?:\p{L}+\s+)?$/iu;

/** Every stage word of a text, in order ("introduced S. 1" -> proposed, object ["s", "1"]). */
export function stageUses(text: string): StageUse[] {
  const out: StageUse[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    // Capitalised words are names or a sentence's first word; the first word is read, a name ("Grant", "Chase") is not.
    if (raw[0] !== raw[0]!.toLowerCase() && m.index > 0) continue;
    const end = m.index + raw.length;
    // The stage first: most words have none, and the context tests below cost more.
    const stage = /^sign(?:s|ed|ing)?$/i.test(raw) && INTO_LAW.test(text.slice(end, end + 40)) ? 'enacted' : stageOf(raw);
    if (!stage) continue;
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    // "agreed to requests", "the charges": after a determiner or preposition the word is a noun; "to pass" stays a verb.
    const prev = /(\p{L}+)\s+$/u.exec(before)?.[1]?.toLowerCase();
    if (prev && NOUN_BEFORE.has(prev) && !(prev === 'to' && !/(?:[^s]s|ed|ing)$/.test(raw.toLowerCase()))) continue;
    // "failed to pass", "did not approve": a stage denied is not reached.
    if (DENIED_BEFORE.test(before)) continue;
    let rest = text.slice(end, end + 120);
    const stop = rest.search(CLAUSE_END);
    if (stop >= 0) rest = rest.slice(0, stop);
    out.push({ stage, raw, end, object: contentWords(rest).slice(0, OBJECT_WORDS) });
  }
  return out;
}

/** Whether a draft's stage contradicts a source's for the same action. */
export function stagesConflict(mine: Stage, theirs: Stage): boolean {
  return CONFLICTS[mine].includes(theirs);
}
