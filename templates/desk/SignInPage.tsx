/** Sign-in with an editor token (when Cloudflare Access is not configured). */
import { DeskLayout } from './DeskLayout';

/** `loginToken` is the sign-in form's own token (double-submitted with its cookie): no session exists yet. */
export function SignInPage(props: { siteName: string; access: boolean; loginToken?: string; error?: string }) {
  return (
    <DeskLayout siteName={props.siteName} title="Sign in">
      <h1>Sign in to the desk</h1>
      {props.access ? (
        <p>This desk signs editors in through Cloudflare Access. Open <a href="/desk">the desk</a> to sign in there.</p>
      ) : (
        <>
          {props.error && (
            <div class="flash error" role="alert">
              <p>{props.error}</p>
            </div>
          )}
          <form method="post" action="/desk/sign-in" class="deskform">
            <input type="hidden" name="login" value={props.loginToken ?? ''} />
            <label for="token">Editor token</label>
            <input type="password" id="token" name="token" autocomplete="current-password" required minlength={16} maxlength={256} size={48} />
            <p>
              <button type="submit">Sign in</button>
            </p>
          </form>
          <p class="muted">The session lasts 12 hours and ends when you sign out.</p>
        </>
      )}
    </DeskLayout>
  );
}
