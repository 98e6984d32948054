/** The public corrections log, newest first. */
import type { CorrectionLogEntry } from '../../src/db/queries/views';
import { Layout, type SiteView } from '../Layout';
import { Time } from '../partials/Time';

export function CorrectionsPage({ site, corrections }: { site: SiteView; corrections: CorrectionLogEntry[] }) {
  return (
    <Layout site={site} head={{ title: 'Corrections', socialTitle: `Corrections to ${site.name} articles`, description: `Every correction ${site.name} has made, newest first.`, path: '/corrections' }}>
      <h1>Corrections</h1>
      {corrections.length ? (
        <ul class="cards">
          {corrections.map((c) => (
            <li>
              <p class="meta">
                <Time iso={c.createdAt} /> · version {c.version}
              </p>
              <p>
                <a href={`/articles/${c.slug}`}>{c.title}</a>: {c.text}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>No corrections have been made.</p>
      )}
    </Layout>
  );
}
