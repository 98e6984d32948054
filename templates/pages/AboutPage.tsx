/** About: the AI disclosure, how articles are made and checked, and the trusted sources. */
import type { TrustedSourceView } from '../../src/db/queries/views';
import { Layout, type SiteView } from '../Layout';
import { CHECK_LABELS, publisherAside } from '../format';

const TIERS: Readonly<Record<number, string>> = { 1: 'wire or outlet of record', 2: 'established outlet', 3: 'specialist or blog' };
const WEB_URL = /^https?:\/\//i;

export function AboutPage({ site, sources }: { site: SiteView; sources: TrustedSourceView[] }) {
  return (
    <Layout site={site} head={{ title: 'How we work', socialTitle: `How ${site.name} writes and checks its articles with AI`, description: `How ${site.name} writes and checks its articles with AI.`, path: '/about' }}>
      <h1>How {site.name} works</h1>
      <section aria-labelledby="disclosure">
        <h2 id="disclosure">Written by AI</h2>
        <p>
          Every article on this site is written by software, not by a reporter. It does no reporting of its own: it
          reads what trusted publishers have published, and writes a summary of one event from several of them. Each
          paragraph names the sources it draws on, and each article links to every source it used.
        </p>
      </section>
      <section aria-labelledby="method">
        <h2 id="method">Method</h2>
        <ol>
          <li>Every few minutes the newsroom reads the feeds of the sources listed below.</li>
          <li>Reports of the same event are grouped into a story. A story is written only when independent publishers report it.</li>
          <li>A writer (a language model, or an extractive writer that only selects and arranges source sentences) drafts the article, citing sources by number.</li>
          <li>The draft is checked mechanically against its sources before anything is published. A failed blocking check holds the article for an editor.</li>
          <li>Each article shows which writer and model made it, every check and its result, its versions and any corrections.</li>
        </ol>
        <h3>The checks</h3>
        <ul>
          {Object.entries(CHECK_LABELS).map(([name, label]) => (
            <li>
              {label} <span class="muted">({name})</span>
            </li>
          ))}
        </ul>
        <p>
          Editors may hold, correct or unpublish an article, and may publish one that failed a check only with a stated
          reason, which the article then shows. Corrections are listed on the <a href="/corrections">corrections page</a>.
        </p>
      </section>
      <section aria-labelledby="trusted">
        <h2 id="trusted">Trusted sources</h2>
        {sources.length ? (
          <ul>
            {sources.map((s) => (
              <li>
                {s.homepage && WEB_URL.test(s.homepage) ? <a href={s.homepage} rel="nofollow noopener noreferrer">{s.name}</a> : s.name}{' '}
                <span class="muted">({[publisherAside(s.name, s.publisher), TIERS[s.trustTier] ?? `tier ${s.trustTier}`].filter(Boolean).join('; ')})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>No sources are configured yet.</p>
        )}
      </section>
    </Layout>
  );
}
