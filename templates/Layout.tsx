/** The page shell: head metadata, header with section navigation, main landmark, disclosure footer. */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { jsonLdText } from './format';
import { STYLESHEET } from './styles';

export interface SiteView {
  name: string;
  /** Canonical origin, without a trailing slash. */
  url: string;
  categories: { name: string; slug: string }[];
}

export interface HeadView {
  title: string;
  description: string;
  /** Path of the canonical URL, e.g. "/articles/x". */
  path: string;
  type?: 'website' | 'article';
  /** Path of the 1200×630 PNG social card (default: the front page's card). */
  image?: string;
  /** What the social card shows, for og:image:alt. */
  imageAlt?: string;
  /** The social title, when it should say more than the page title (default: the title). */
  socialTitle?: string;
  jsonLd?: unknown[];
  noindex?: boolean;
  publishedAt?: string;
  modifiedAt?: string;
}

/** The front page's social card, also the default for pages without their own. */
export const SITE_CARD_PATH = '/cards/site.png';

/** `wide` pages (the front page, sections) lay their listings out in a grid on wide screens. */
export function Layout(props: { site: SiteView; head: HeadView; wide?: boolean; children?: Child }) {
  const { site, head } = props;
  const canonical = `${site.url}${head.path}`;
  const fullTitle = head.path === '/' ? `${site.name}: ${head.title}` : `${head.title} · ${site.name}`;
  const socialTitle = head.socialTitle ?? head.title;
  const image = `${site.url}${head.image ?? SITE_CARD_PATH}`;
  const imageAlt = head.imageAlt ?? `${site.name}: technology news written by AI from cited publishers`;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={head.description} />
        {head.noindex ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={canonical} />}
        <meta property="og:site_name" content={site.name} />
        <meta property="og:type" content={head.type ?? 'website'} />
        <meta property="og:title" content={socialTitle} />
        <meta property="og:description" content={head.description} />
        <meta property="og:url" content={canonical} />
        <meta property="og:image" content={image} />
        <meta property="og:image:type" content="image/png" />
        <meta property="og:image:width" content="1200" />
        <meta property="og:image:height" content="630" />
        <meta property="og:image:alt" content={imageAlt} />
        {head.publishedAt && <meta property="article:published_time" content={head.publishedAt} />}
        {head.modifiedAt && <meta property="article:modified_time" content={head.modifiedAt} />}
        <meta name="twitter:card" content="summary_large_image" />
        <meta name="twitter:title" content={socialTitle} />
        <meta name="twitter:description" content={head.description} />
        <meta name="twitter:image" content={image} />
        <meta name="twitter:image:alt" content={imageAlt} />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="alternate" type="application/rss+xml" title={`${site.name} (RSS)`} href="/feed.xml" />
        <link rel="alternate" type="application/atom+xml" title={`${site.name} (Atom)`} href="/atom.xml" />
        <link rel="alternate" type="application/feed+json" title={`${site.name} (JSON Feed)`} href="/feed.json" />
        <style>{raw(STYLESHEET)}</style>
        {head.jsonLd?.map((data) => (
          // Structured data, not script: the CSP lets no script run, and the JSON is escaped for HTML.
          <script type="application/ld+json">{raw(jsonLdText(data))}</script>
        ))}
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <a class="brand" href="/">{site.name}</a>
          <nav aria-label="Sections">
            <ul>
              {site.categories.map((cat) => (
                <li>
                  <a href={`/category/${cat.slug}`}>{cat.name}</a>
                </li>
              ))}
              <li>
                <a href="/search">Search</a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" class={props.wide ? 'wide' : undefined}>{props.children}</main>
        <DisclosureFooter site={site} />
      </body>
    </html>
  );
}

/** The disclosure every page carries. */
function DisclosureFooter({ site }: { site: SiteView }) {
  return (
    <footer class="site">
      <p>
        <strong>{site.name} is written by AI.</strong> Every article is synthesized by software from reports by the
        publishers it cites, checked mechanically against those sources before it is published, and listed with its
        sources, its checks and its history. Editors can hold, correct and unpublish articles.
      </p>
      <nav aria-label="About this site">
        <ul>
          <li><a href="/about">How we work</a></li>
          <li><a href="/corrections">Corrections</a></li>
          <li><a href="/status">Newsroom status</a></li>
          <li><a href="/feed.xml">RSS</a></li>
          <li><a href="/atom.xml">Atom</a></li>
          <li><a href="/feed.json">JSON Feed</a></li>
        </ul>
      </nav>
    </footer>
  );
}
