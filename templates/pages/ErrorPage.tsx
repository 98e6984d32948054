/** The 404 and 500 pages: what happened, and where to go instead. */
import { Layout, type SiteView } from '../Layout';

export function ErrorPage({ site, status, path }: { site: SiteView; status: 404 | 500; path: string }) {
  const notFound = status === 404;
  const title = notFound ? 'Page not found' : 'Something went wrong';
  return (
    <Layout
      site={site}
      head={{
        title,
        description: notFound
          ? `There is no page at this address on ${site.name}: the article may have been unpublished, or the link mistyped.`
          : `${site.name} could not show this page just now; please try again in a moment.`,
        path,
        noindex: true,
      }}
    >
      <h1>{title}</h1>
      {notFound ? (
        <p>
          There is no page at this address. The article may have been unpublished, or the link may be mistyped.
        </p>
      ) : (
        <p>The newsroom could not show this page just now. It has been recorded; please try again in a moment.</p>
      )}
      <p>
        <a href="/">Go to the latest news</a> or <a href="/search">search the articles</a>.
      </p>
    </Layout>
  );
}
