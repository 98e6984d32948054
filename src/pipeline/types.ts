/**
 * The plain data that flows between pipeline stages: the contracts of
 * ../shared/DESIGN.md. Stages may add fields; none of these are renamed.
 */

/** One entry of a parsed feed, as plain text. */
export interface FeedItem {
  guid: string;
  url?: string;
  title: string;
  summary?: string;
  contentText?: string;
  author?: string;
  /** ISO 8601, UTC. */
  publishedAt?: string;
  /** ISO 8601, UTC: when the publisher last changed the entry, if it says. */
  updatedAt?: string;
}

export interface ParsedFeed {
  title: string;
  link?: string;
  items: FeedItem[];
  /** Problems the parser recovered from (ill-formed XML, undefined entities); absent when clean. */
  warnings?: string[];
}

/** What clustering needs of an item. */
export interface ClusterItem {
  id: string;
  /** Publisher family (not the feed). */
  publisher: string;
  title: string;
  text: string;
  url?: string;
  publishedAt: string;
}

/** A numbered source as the writer and the checks see it. */
export interface SourceDoc {
  /** Citation number, 1-based. */
  n: number;
  publisher: string;
  url: string;
  title: string;
  text: string;
  publishedAt: string;
}

/** A paragraph (or answer) and the source numbers it cites. */
export interface Cited {
  text: string;
  citations: number[];
}

export interface ArticleDraft {
  title: string;
  dek: string;
  category: string;
  tags: string[];
  sections: { heading: string; paragraphs: Cited[] }[];
  whatThisMeans: Cited[];
  faq: { question: string; answer: Cited }[];
}

export type CheckName =
  | 'schema'
  | 'citations'
  | 'source-diversity'
  | 'numbers'
  | 'quotes'
  | 'entities'
  | 'verbatim'
  | 'freshness'
  | 'duplicate'
  | 'injection'
  | 'links'
  | 'readability';

export type Severity = 'block' | 'warn';

export interface CheckResult {
  name: CheckName | (string & {});
  passed: boolean;
  severity: Severity;
  details: string[];
}

/** A supported claim of the article and the cited source's sentence that supports it. */
export interface Evidence {
  /** Where the claim stands: "section 1 (\"…\"), paragraph 2". */
  where: string;
  /** The claim as the article writes it: a figure, a date, a quotation, a name, a status. */
  claim: string;
  kind: 'figure' | 'date' | 'quote' | 'name' | 'status' | 'cause';
  /** SourceDoc.n of the supporting source. */
  source: number;
  /** The supporting sentence, as the source gives it (cut to 240 characters). */
  passage: string;
}

export interface CheckReport {
  passed: boolean;
  results: CheckResult[];
  /** The evidence for every supported claim of the cited paragraphs (absent on reports stored before it existed). */
  evidence: Evidence[];
}

/** What a writer is asked to do: the sources, and findings to fix on a revision. */
export interface WriteRequest {
  sources: SourceDoc[];
  categories: string[];
  /** Findings of a failed check, on a revision request. */
  revise?: { draft: ArticleDraft; findings: string[] };
  /** The conversation for a model-backed writer (built by src/pipeline/prompt.ts); the extractive writer ignores it. */
  messages?: ChatMessage[];
}

/** One message of a chat-completions conversation. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A synthesizer: the extractive writer, Workers AI or an OpenAI-compatible endpoint. */
export interface Writer {
  /** extractive | workers-ai | openai-compatible */
  name: string;
  /** Model id, absent for the extractive writer. */
  model?: string;
  /** Returns the model's raw draft; synthesizeStory validates and repairs it. */
  write(request: WriteRequest): Promise<unknown>;
}
