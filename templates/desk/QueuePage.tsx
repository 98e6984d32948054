/** The review queue: held and ready articles, newest first, with why each was held; then the stories that were not written. */
import type { StoryProblem } from '../../src/db/queries/stories';
import type { QueueEntry } from '../../src/editor/review';
import { DeskLayout, type DeskView } from './DeskLayout';
import { FailedCheckItem, When } from './partials';

export function QueuePage({ view, entries, problems }: { view: DeskView; entries: QueueEntry[]; problems: StoryProblem[] }) {
  return (
    <DeskLayout siteName={view.siteName} title="Review queue" view={view} current="/desk">
      <h1>Review queue</h1>
      <p>Articles held by a failed check, and articles that passed and wait for an editor, most recently changed first.</p>
      {entries.length === 0 ? (
        <p>Nothing waits for review.</p>
      ) : (
        <ol class="cards">
          {entries.map(({ article, failed }) => (
            <li>
              <h2>
                <a href={`/desk/articles/${encodeURIComponent(article.id)}`}>{article.title}</a>
              </h2>
              <p class="meta">
                {article.status === 'held' ? 'Held' : article.status === 'published' ? 'Published; a newer version waits' : 'Ready to publish'} · version{' '}
                {article.currentVersion} · {article.category} · changed <When iso={article.updatedAt} />
              </p>
              {article.status === 'published' && article.heldReasons?.length ? (
                <ul class="reasons">
                  {article.heldReasons.map((r) => (
                    <li>{r}</li>
                  ))}
                </ul>
              ) : null}
              {failed.length > 0 ? (
                <ul>{failed.map((check) => <FailedCheckItem check={check} />)}</ul>
              ) : (
                <p>Every blocking check passed.</p>
              )}
            </li>
          ))}
        </ol>
      )}
      <h2 id="not-written">Stories not written</h2>
      <p>Stories that independent publishers reported but the newsroom could not write (failed), or whose writing has not finished for over an hour (stuck), most recent first. A failed story is tried again when it gains or revises a source.</p>
      {problems.length === 0 ? (
        <p>Every story that was due has been written.</p>
      ) : (
        <ol class="cards">
          {problems.map((story) => (
            <li>
              <h3>{story.title}</h3>
              <p class="meta">
                {story.problem === 'failed' ? 'Failed' : 'Stuck'} · since <When iso={story.since} /> · story {story.id}
                {story.workflowAttempts > 0 ? ` · ${story.workflowAttempts} workflow ${story.workflowAttempts === 1 ? 'attempt' : 'attempts'}` : ''}
              </p>
              <p>
                <strong>Why:</strong> {story.reason}
              </p>
            </li>
          ))}
        </ol>
      )}
    </DeskLayout>
  );
}
