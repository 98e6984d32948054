/** Newer/older links for a paged listing (?page=N), or previous/next results of a search (`params` kept, `labels` its words). */
export function Pagination({
  basePath,
  page,
  hasNext,
  params = {},
  labels = { prev: 'Newer articles', next: 'Older articles' },
}: {
  basePath: string;
  page: number;
  hasNext: boolean;
  params?: Record<string, string>;
  labels?: { prev: string; next: string };
}) {
  if (page <= 1 && !hasNext) return null;
  const href = (n: number) => {
    const query = new URLSearchParams(n <= 1 ? params : { ...params, page: String(n) }).toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  return (
    <nav aria-label="Pages">
      <ul>
        {page > 1 && <li><a href={href(page - 1)} rel="prev">{labels.prev}</a></li>}
        <li aria-current="page">Page {page}</li>
        {hasNext && <li><a href={href(page + 1)} rel="next">{labels.next}</a></li>}
      </ul>
    </nav>
  );
}
