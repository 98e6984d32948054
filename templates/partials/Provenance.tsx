/** "How this article was made": writer and model, every check, version history, editor actions, corrections. */
import type { ArticleView } from '../../src/db/queries/views';
import { CHECK_LABELS, versionReason, writerLabel } from '../format';
import { EvidenceList as Evidence } from './Evidence';
import { Time } from './Time';

/** Findings shown per check on the public page; the editor API has them all. */
const MAX_DETAILS = 4;

function shown(details: string[]): string {
  const head = details.slice(0, MAX_DETAILS).join('; ');
  return details.length > MAX_DETAILS ? `${head}; and ${details.length - MAX_DETAILS} more` : head;
}

/** "correction" or "edit" when the current version is an editor's, else null. */
function editorial(article: ArticleView): string | null {
  const reason = article.versions.find((v) => v.version === article.version)?.reason;
  return reason === 'correction' || reason === 'edit' ? reason : null;
}

export function Provenance({ article }: { article: ArticleView }) {
  return (
    <section class="provenance" aria-labelledby="how-made">
      <h2 id="how-made">How this article was made</h2>
      {editorial(article) ? (
        <p>
          This version (v{article.version}) is an editor's {editorial(article)} of text {writerLabel(article.writer, article.model)} from
          the {article.sources.length} sources listed above. The editor's words are the editor's, not the writer's; the whole text was
          checked mechanically against the sources again before publication. <a href="/about#method">How we work</a>.
        </p>
      ) : (
        <p>
          This version (v{article.version}) was {writerLabel(article.writer, article.model)} from the {article.sources.length}{' '}
          sources listed above, then checked mechanically against them before publication.{' '}
          <a href="/about#method">How we work</a>.
        </p>
      )}
      {article.overrideReason && (
        <p class="notice">
          <strong>Published by an editor despite a failed check.</strong> Reason given: {article.overrideReason}
        </p>
      )}
      <h3>Checks on this version</h3>
      {article.checks.length ? (
        <table>
          <thead>
            <tr><th scope="col">Check</th><th scope="col">Result</th><th scope="col">Notes</th></tr>
          </thead>
          <tbody>
            {article.checks.map((check) => (
              <tr>
                <td>{CHECK_LABELS[check.name] ?? check.name} <span class="muted">({check.name})</span></td>
                <td class={check.passed ? 'pass' : 'fail'}>
                  {check.passed ? 'Passed' : check.severity === 'block' ? 'Failed (blocking)' : 'Warning'}
                </td>
                <td>
                  {check.details.length ? shown(check.details) : '—'}
                  {!check.passed && check.severity === 'block' && article.overrideReason && (
                    <strong class="override"> Published by an editor despite this check: {article.overrideReason}</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No check results were recorded for this version.</p>
      )}
      <Evidence article={article} />
      <h3>Version history</h3>
      <ul class="versions">
        {article.versions.map((v) => (
          <li>
            Version {v.version}: {versionReason(v.reason)}, <Time iso={v.createdAt} /> — {writerLabel(v.writer, v.model)};{' '}
            {v.checksPassed ? 'all blocking checks passed' : 'a blocking check failed'}
          </li>
        ))}
      </ul>
      <h3>Editor actions</h3>
      {article.editorActions.length ? (
        <ul>
          {article.editorActions.map((a) => (
            <li>
              <Time iso={a.at} />: {a.action}
              {a.reason && <> — reason: {a.reason}</>}
            </li>
          ))}
        </ul>
      ) : (
        <p>No editor has acted on this article.</p>
      )}
      <h3>Corrections</h3>
      {article.corrections.length ? (
        <ul>
          {article.corrections.map((c) => (
            <li>
              <Time iso={c.createdAt} /> (v{c.version}): {c.text}
            </li>
          ))}
        </ul>
      ) : (
        <p>None.</p>
      )}
    </section>
  );
}
