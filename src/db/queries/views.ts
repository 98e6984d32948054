/** Plain view models the reader templates render: what the read queries return, no rows or bindings. */
import type { ArticleDraft, Evidence } from '../../pipeline/types';

/** An article in a listing, a feed or a sitemap. */
export interface ArticleSummary {
  slug: string;
  title: string;
  dek: string;
  category: string;
  tags: string[];
  /** Latest publication of the current version (ISO 8601). */
  publishedAt: string;
  firstPublishedAt: string;
  updatedAt: string;
  /** Path under /media/ of the cover image, if there is one. */
  coverPath: string | null;
  wordCount: number;
  /** Independent publishers of the current version's sources. */
  publishers: number;
}

export interface SourceView {
  n: number;
  publisher: string;
  url: string;
  title: string;
  publishedAt: string;
}

export interface CheckView {
  name: string;
  passed: boolean;
  severity: string;
  details: string[];
}

export interface VersionView {
  version: number;
  reason: string;
  writer: string;
  model: string | null;
  checksPassed: boolean;
  createdAt: string;
}

export interface CorrectionView {
  version: number;
  text: string;
  createdAt: string;
}

/** A public record of something an editor (or the newsroom) did to the article. */
export interface EditorActionView {
  at: string;
  action: string;
  reason: string | null;
}

/** Everything the article page shows. */
export interface ArticleView extends ArticleSummary {
  version: number;
  draft: Pick<ArticleDraft, 'sections' | 'whatThisMeans' | 'faq'>;
  readingMinutes: number;
  sources: SourceView[];
  writer: string;
  model: string | null;
  checks: CheckView[];
  /** The evidence for each supported claim of the current version: the cited source's sentence. */
  evidence: Evidence[];
  versions: VersionView[];
  corrections: CorrectionView[];
  editorActions: EditorActionView[];
  overrideReason: string | null;
}

/** One page of a listing. */
export interface ArticlePage {
  articles: ArticleSummary[];
  page: number;
  hasNext: boolean;
}

export interface SearchHit extends ArticleSummary {
  /** Snippet text split into runs; odd indexes are the matched terms (render them as <mark>). */
  snippet: string[];
}

/** One page of search results (`page` from 1, `pageSize` hits at most), and whether another page follows. */
export interface SearchResults {
  hits: SearchHit[];
  page: number;
  pageSize: number;
  hasNext: boolean;
}

export interface CorrectionLogEntry extends CorrectionView {
  slug: string;
  title: string;
}

export interface TrustedSourceView {
  name: string;
  publisher: string;
  homepage: string | null;
  trustTier: number;
}

export interface RunView {
  trigger: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  stats: Record<string, unknown>;
  errorCount: number;
}

export interface SourceHealthView {
  name: string;
  publisher: string;
  enabled: boolean;
  lastFetchedAt: string | null;
  lastStatus: number | null;
  consecutiveFailures: number;
  healthy: boolean;
}

export interface NewsroomStatus {
  runs: RunView[];
  sources: SourceHealthView[];
  counts: { published: number; held: number; ready: number; unpublished: number };
  /** Stories stuck (ready or writing for too long) and failed; editors see which and why in the API. */
  stories: { stuck: number; failed: number };
}
