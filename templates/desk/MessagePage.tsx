/** A desk page that only says something: signed out, refused, not found. */
import { DeskLayout, type DeskView } from './DeskLayout';

export function MessagePage(props: { siteName: string; title: string; message: string; view?: DeskView | null; signIn?: boolean }) {
  return (
    <DeskLayout siteName={props.siteName} title={props.title} view={props.view}>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      {props.signIn && (
        <p>
          <a href="/desk/sign-in">Sign in to the desk</a>
        </p>
      )}
    </DeskLayout>
  );
}
