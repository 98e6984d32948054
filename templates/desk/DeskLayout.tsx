/** The desk's page shell: never indexed, its own navigation, the signed-in editor and sign-out. */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { STYLESHEET } from '../styles';

export interface DeskFlash {
  kind: 'done' | 'error';
  message: string;
  secret?: string;
}

/** What every signed-in desk page knows: who is signed in, the session's form token, the last action's message. */
export interface DeskView {
  siteName: string;
  editor: { name: string; role: 'admin' | 'editor' };
  csrf: string;
  /** A fresh one-time nonce for each form. */
  nonce: () => string;
  flash: DeskFlash | null;
}

/** The shell of every desk page; `view` is null on pages seen before sign-in. */
export function DeskLayout(props: { siteName: string; title: string; view?: DeskView | null; current?: string; children?: Child }) {
  const { view } = props;
  const nav = [
    { href: '/desk', label: 'Review queue' },
    { href: '/desk/sources', label: 'Sources' },
    { href: '/desk/runs', label: 'Runs' },
    ...(view?.editor.role === 'admin' ? [{ href: '/desk/tokens', label: 'Tokens' }] : []),
  ];
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} · Desk · ${props.siteName}`}</title>
        <style>{raw(STYLESHEET)}</style>
      </head>
      <body class="desk">
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <a class="brand" href="/desk">{props.siteName} desk</a>
          {view && (
            <nav aria-label="Desk">
              <ul>
                {nav.map((item) => (
                  <li>
                    <a href={item.href} aria-current={props.current === item.href ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
                <li>
                  <form method="post" action="/desk/sign-out">
                    <input type="hidden" name="csrf" value={view.csrf} />
                    <button type="submit">Sign out {view.editor.name}</button>
                  </form>
                </li>
              </ul>
            </nav>
          )}
        </header>
        <main id="main">
          {view?.flash && <FlashNotice flash={view.flash} />}
          {props.children}
        </main>
      </body>
    </html>
  );
}

function FlashNotice({ flash }: { flash: DeskFlash }) {
  return (
    <div class={flash.kind === 'error' ? 'flash error' : 'flash'} role={flash.kind === 'error' ? 'alert' : 'status'}>
      <p>{flash.message}</p>
      {flash.secret && (
        <p>
          <strong>Copy it now; it is not shown again:</strong> <code>{flash.secret}</code>
        </p>
      )}
    </div>
  );
}

/** The hidden fields every desk form carries: the session's form token and a one-time nonce. */
export function FormKeys({ view }: { view: DeskView }) {
  return (
    <>
      <input type="hidden" name="csrf" value={view.csrf} />
      <input type="hidden" name="nonce" value={view.nonce()} />
    </>
  );
}
