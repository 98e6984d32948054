/** Renders the article page template to the HTML string the reader route sends, and counts its script elements. */
// tsconfig.json excludes test/bench, so tsx needs the JSX runtime named here.
/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { ArticleView } from '../../src/db/queries/views';
import { categorySlug } from '../../src/env';
import type { SiteView } from '../../templates/Layout';
import { ArticlePage } from '../../templates/pages/ArticlePage';

/** The same string src/routes/render.ts sends: doctype plus the rendered template. */
export async function renderArticleHtml(site: SiteView, article: ArticleView): Promise<string> {
  const page = <ArticlePage site={site} article={article} categorySlug={categorySlug(article.category)} />;
  return `<!doctype html>${await page.toString()}`;
}

/** Script elements that are not JSON-LD data blocks (the page promises zero client JavaScript). */
export function executableScripts(html: string): string[] {
  const tags = html.match(/<script\b[^>]*>/gi) ?? [];
  return tags.filter((tag) => !/\btype\s*=\s*["']?application\/ld\+json["']?/i.test(tag));
}

/** All script elements, JSON-LD included. */
export function scriptCount(html: string): number {
  return (html.match(/<script\b/gi) ?? []).length;
}
