/** Recent newsroom runs with their figures, and a button to start one now. */
import type { Run } from '../../src/db/schema';
import { DeskLayout, FormKeys, type DeskView } from './DeskLayout';
import { When } from './partials';

/** A run's nested counts as "stage item: n" pairs, e.g. "ingest fetched: 12". */
export function runFigures(stats: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(stats).flatMap(([key, value]) => {
    const name = prefix ? `${prefix} ${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) return runFigures(value as Record<string, unknown>, name);
    return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? [`${name}: ${value}`] : [];
  });
}

export function RunsPage({ view, runs }: { view: DeskView; runs: Run[] }) {
  return (
    <DeskLayout siteName={view.siteName} title="Runs" view={view} current="/desk/runs">
      <h1>Runs</h1>
      <form method="post" action="/desk/runs" class="deskform">
        <FormKeys view={view} />
        <p>A run fetches the due sources, groups new items into stories and writes the stories that are ready. Only one runs at a time.</p>
        <button type="submit">Start a run now</button>
      </form>
      <h2>Recent runs</h2>
      {runs.length === 0 ? (
        <p>No run is on record.</p>
      ) : (
        <table>
          <caption class="vh">Recent runs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Trigger</th>
              <th scope="col">Status</th>
              <th scope="col">Finished</th>
              <th scope="col">Figures</th>
              <th scope="col">Errors</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr>
                <th scope="row">
                  <When iso={r.startedAt} />
                </th>
                <td>{r.trigger}</td>
                <td class={r.status === 'failed' ? 'fail' : undefined}>{r.status}</td>
                <td>
                  <When iso={r.finishedAt} />
                </td>
                <td>{runFigures(r.stats).join('; ') || '—'}</td>
                <td>{r.errors.length ? r.errors.join('; ') : 'none'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </DeskLayout>
  );
}
