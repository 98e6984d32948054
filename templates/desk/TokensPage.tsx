/** Editor tokens (administrators only): create one (shown once), revoke one. */
import type { EditorRecord } from '../../src/editor/tokens';
import { DeskLayout, FormKeys, type DeskView } from './DeskLayout';
import { When } from './partials';
import { INPUT_LIMITS } from '../../src/editor/limits';

export function TokensPage({ view, editors }: { view: DeskView; editors: EditorRecord[] }) {
  return (
    <DeskLayout siteName={view.siteName} title="Tokens" view={view} current="/desk/tokens">
      <h1>Editor tokens</h1>
      <form method="post" action="/desk/tokens" class="deskform">
        <FormKeys view={view} />
        <h2>Create a token</h2>
        <label for="token-name">Editor's name</label>
        <input type="text" id="token-name" name="name" required maxlength={INPUT_LIMITS.tokenName.max} />
        <label for="token-role">Role</label>
        <select id="token-role" name="role">
          <option value="editor" selected>
            Editor
          </option>
          <option value="admin">Administrator</option>
        </select>
        <label for="token-email">E-mail Cloudflare Access signs them in with (optional)</label>
        <input type="email" id="token-email" name="email" maxlength={254} />
        <p>
          <button type="submit">Create</button>
        </p>
      </form>
      <h2>Editors</h2>
      {editors.length === 0 ? (
        <p>No editor token has been created; the bootstrap administrator token is the ADMIN_TOKEN secret.</p>
      ) : (
        <table>
          <caption class="vh">Every editor token, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">E-mail</th>
              <th scope="col">Created</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {editors.map((e) => (
              <tr>
                <th scope="row">{e.name}</th>
                <td>{e.role}</td>
                <td>{e.email ?? '—'}</td>
                <td>
                  <When iso={e.createdAt} />
                </td>
                <td>
                  {e.revokedAt ? (
                    <>
                      Revoked <When iso={e.revokedAt} />
                    </>
                  ) : (
                    <form method="post" action={`/desk/tokens/${encodeURIComponent(e.id)}/revoke`}>
                      <FormKeys view={view} />
                      Active{' '}
                      <button type="submit">
                        Revoke<span class="vh"> the token of {e.name}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </DeskLayout>
  );
}
