/** Newer/older links for a paged listing (?page=N). */
export function Pagination({ basePath, page, hasNext }: { basePath: string; page: number; hasNext: boolean }) {
  if (page <= 1 && !hasNext) return null;
  const href = (n: number) => (n <= 1 ? basePath : `${basePath}?page=${n}`);
  return (
    <nav aria-label="Pages">
      <ul>
        {page > 1 && <li><a href={href(page - 1)} rel="prev">Newer articles</a></li>}
        <li aria-current="page">Page {page}</li>
        {hasNext && <li><a href={href(page + 1)} rel="next">Older articles</a></li>}
      </ul>
    </nav>
  );
}
