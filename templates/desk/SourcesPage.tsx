/** The source registry with each source's health; add by feed or site URL, enable/disable, OPML import and export. */
import type { Source } from '../../src/db/schema';
import { DeskLayout, FormKeys, type DeskView } from './DeskLayout';
import { When } from './partials';
import { INPUT_LIMITS } from '../../src/editor/limits';

export interface SourceRow {
  source: Source;
  /** Items first seen in the last 24 hours. */
  itemsLastDay: number;
}

function status(s: Source): string {
  if (!s.enabled) return `Disabled${s.disabledReason ? `: ${s.disabledReason}` : ''}`;
  if (s.lastError) return `Failing: ${s.lastError}`;
  if (s.lastStatus) return `HTTP ${s.lastStatus}`;
  return 'Not fetched yet';
}

export function SourcesPage({ view, rows }: { view: DeskView; rows: SourceRow[] }) {
  return (
    <DeskLayout siteName={view.siteName} title="Sources" view={view} current="/desk/sources">
      <h1>Sources</h1>
      <div class="beside">
        <form method="post" action="/desk/sources" class="deskform">
          <FormKeys view={view} />
          <h2>Add a source</h2>
          <label for="source-url">Feed URL or the site's home page</label>
          <input type="url" id="source-url" name="url" required maxlength={2048} size={50} />
          <label for="source-publisher">Publisher (optional; sources of one publisher count once)</label>
          <input type="text" id="source-publisher" name="publisher" maxlength={INPUT_LIMITS.sourceName.max} />
          <label for="source-name">Name (optional)</label>
          <input type="text" id="source-name" name="name" maxlength={INPUT_LIMITS.sourceName.max} />
          <p>
            <button type="submit">Add</button>
          </p>
        </form>
        <form method="post" action="/desk/sources/opml" enctype="multipart/form-data" class="deskform">
          <FormKeys view={view} />
          <h2>OPML</h2>
          <label for="opml-file">Import a feed reader's OPML file</label>
          <input type="file" id="opml-file" name="opml" accept=".opml,.xml,text/x-opml,application/xml,text/xml" required />
          <p>
            <button type="submit">Import</button>
          </p>
          <p>
            <a href="/desk/sources/opml" download="sources.opml">Export the registry as OPML</a>
          </p>
        </form>
      </div>
      <h2>Registry</h2>
      {rows.length === 0 ? (
        <p>The registry is empty.</p>
      ) : (
        <table>
          <caption class="vh">Every source with its fetch health</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Last fetch</th>
              <th scope="col">Status</th>
              <th scope="col">Failures in a row</th>
              <th scope="col">Items in the last day</th>
              <th scope="col">Enabled</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ source: s, itemsLastDay }) => (
              <tr>
                <th scope="row">
                  {s.name} <span class="muted">({s.publisher})</span>
                  <br />
                  <span class="muted">{s.feedUrl}</span>
                </th>
                <td>
                  <When iso={s.lastFetchedAt} />
                </td>
                <td class={s.enabled && !s.lastError ? undefined : 'fail'}>{status(s)}</td>
                <td>{s.consecutiveFailures}</td>
                <td>{itemsLastDay}</td>
                <td>
                  <form method="post" action={`/desk/sources/${encodeURIComponent(s.id)}/enabled`}>
                    <FormKeys view={view} />
                    <input type="hidden" name="enabled" value={s.enabled ? 'false' : 'true'} />
                    {s.enabled ? 'Yes' : 'No'}{' '}
                    <button type="submit">
                      {s.enabled ? 'Disable' : 'Enable'}
                      <span class="vh"> {s.name}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </DeskLayout>
  );
}
