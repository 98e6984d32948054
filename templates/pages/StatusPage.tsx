/** The newsroom's public health: recent runs, each source's fetch health, article counts. */
import type { NewsroomStatus } from '../../src/db/queries/views';
import { Layout, type SiteView } from '../Layout';
import { Time } from '../partials/Time';
import { publisherAside } from '../format';

/** Words for the counts a run records (src/pipeline/run.ts); unknown counts show by their key. */
const COUNT_LABELS: Record<string, string> = {
  'ingest.sourcesFetched': 'sources fetched',
  'ingest.notModified': 'not modified',
  'ingest.failed': 'sources failed',
  'ingest.itemsNew': 'new items',
  'ingest.itemsUpdated': 'updated items',
  'ingest.itemsSkipped': 'skipped items',
  'stories.created': 'new stories',
  'stories.toWrite': 'stories to write',
  'workflows.started': 'articles started',
  'workflows.restarted': 'restarted',
  'workflows.gaveUp': 'gave up',
  'workflows.deferred': 'deferred',
  'workflows.failed': 'failed to start',
};

/** "sources fetched: 7, new items: 48, …": the run's non-zero counts, nested stages flattened. */
function statSummary(stats: Record<string, unknown>): string {
  const parts: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') {
      if (value !== 0 && (COUNT_LABELS[path] || !path.includes('.'))) parts.push(`${COUNT_LABELS[path] ?? path}: ${value}`);
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(stats, '');
  return parts.length ? parts.join(', ') : '—';
}

export function StatusPage({ site, status }: { site: SiteView; status: NewsroomStatus }) {
  const { counts } = status;
  return (
    <Layout site={site} head={{ title: 'Newsroom status', socialTitle: `${site.name} newsroom status: runs, sources and articles`, description: `What the ${site.name} newsroom is doing.`, path: '/status' }}>
      <h1>Newsroom status</h1>
      <p>
        {counts.published} published · {counts.held} held for an editor · {counts.ready} awaiting an editor ·{' '}
        {counts.unpublished} unpublished
      </p>
      <p>
        Stories: {status.stories.stuck} stuck (waiting or writing for over an hour) · {status.stories.failed} failed
      </p>
      <h2>Recent runs</h2>
      {status.runs.length ? (
        <table>
          <thead>
            <tr><th scope="col">Started</th><th scope="col">Trigger</th><th scope="col">Result</th><th scope="col">Counts</th></tr>
          </thead>
          <tbody>
            {status.runs.map((r) => (
              <tr>
                <td><Time iso={r.startedAt} /></td>
                <td>{r.trigger}</td>
                <td class={r.status === 'failed' ? 'fail' : r.status === 'succeeded' ? 'pass' : ''}>
                  {r.status}
                  {r.errorCount > 0 && ` (${r.errorCount} ${r.errorCount === 1 ? 'error' : 'errors'})`}
                </td>
                <td>{statSummary(r.stats)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>The newsroom has not run yet.</p>
      )}
      <h2>Sources</h2>
      {status.sources.length ? (
        <table>
          <thead>
            <tr><th scope="col">Source</th><th scope="col">Health</th><th scope="col">Last fetched</th></tr>
          </thead>
          <tbody>
            {status.sources.map((s) => (
              <tr>
                <td>{s.name}{publisherAside(s.name, s.publisher) && <> <span class="muted">({s.publisher})</span></>}</td>
                <td class={s.healthy ? 'pass' : 'fail'}>
                  {!s.enabled ? 'disabled' : s.healthy ? 'healthy' : `failing (${s.consecutiveFailures} in a row${s.lastStatus ? `, HTTP ${s.lastStatus}` : ''})`}
                </td>
                <td>{s.lastFetchedAt ? <Time iso={s.lastFetchedAt} /> : 'never'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No sources are configured yet.</p>
      )}
    </Layout>
  );
}
