/** Which publisher a URL's host belongs to: the host of a source's homepage or feed, or a subdomain of it. */

/** The URL's host name, lower case, without a leading `www.`; undefined for a URL that does not parse. */
export function hostOf(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when `url` is on the source's own site: the host of its homepage or feed URL, or a subdomain of either.
 * @example urlBelongsToSource('https://news.northwind.com/a?utm_source=x', { homepage: 'https://www.northwind.com', feedUrl: 'https://feeds.northwind.com/rss' }) // true
 */
export function urlBelongsToSource(url: string, source: { homepage: string | null; feedUrl: string }): boolean {
  const host = hostOf(url);
  if (!host) return false;
  return [hostOf(source.homepage), hostOf(source.feedUrl)].some((own) => own !== undefined && (host === own || host.endsWith(`.${own}`)));
}
