/** One article at the desk: actions, the draft beside its sources, the check report and evidence, versions and their diff, the audit trail. */
import type { ArticleRecord } from '../../src/editor/articles';
import type { FailedCheck } from '../../src/editor/review';
import type { DiffLine } from '../../src/lib/diff';
import type { ArticleDraft, Cited, SourceDoc } from '../../src/pipeline/types';
import { versionReason, writerLabel } from '../format';
import { DeskLayout, FormKeys, type DeskView } from './DeskLayout';
import { FailedCheckItem, When, checkLabel } from './partials';
import { INPUT_LIMITS } from '../../src/editor/limits';

export interface ArticleDeskProps {
  view: DeskView;
  record: ArticleRecord;
  /** The current version's draft. */
  draft: ArticleDraft;
  /** The current version's sources with their text (from R2); empty when not on record. */
  sources: SourceDoc[];
  /** How the current version was written: sources or sentences left out, repairs (from R2). */
  notes?: string[];
  failed: FailedCheck[];
  categories: string[];
  compare: { from: number; to: number; lines: DiffLine[] } | null;
  /** The public URL when the article is live. */
  publicUrl: string | null;
}

const cites = (c: number[]) => (c.length ? ` [${c.join(', ')}]` : '');

function CitedPara({ p }: { p: Cited }) {
  return (
    <p>
      {p.text}
      <span class="muted">{cites(p.citations)}</span>
    </p>
  );
}

/** Where each paragraph a correction may rewrite sits, as the select lists them. */
export function paragraphPlaces(draft: ArticleDraft): { key: string; label: string; text: string }[] {
  return [
    ...draft.sections.flatMap((s, i) => s.paragraphs.map((p, j) => ({ key: `s${i}p${j}`, label: `Section ${i + 1} (${s.heading}), paragraph ${j + 1}`, text: p.text }))),
    ...draft.whatThisMeans.map((p, j) => ({ key: `w${j}`, label: `What This Means, paragraph ${j + 1}`, text: p.text })),
    ...draft.faq.map((f, j) => ({ key: `f${j}`, label: `FAQ ${j + 1} answer`, text: f.answer.text })),
  ];
}

function Actions({ view, record, categories, draft }: Pick<ArticleDeskProps, 'view' | 'record' | 'categories' | 'draft'>) {
  const a = record.article;
  const base = `/desk/articles/${encodeURIComponent(a.id)}`;
  const held = a.status === 'held';
  return (
    <section aria-labelledby="actions">
      <h2 id="actions">Actions</h2>
      <div class="beside">
        {a.status !== 'published' && (
          <form method="post" action={`${base}/publish`} class="deskform">
            <FormKeys view={view} />
            <h3>Publish version {a.currentVersion}</h3>
            <label for="publish-reason">{held ? 'Reason for publishing despite the failed check (shown to readers)' : 'Reason (optional)'}</label>
            <textarea id="publish-reason" name="reason" rows={3} required={held} minlength={INPUT_LIMITS.reason.min} maxlength={INPUT_LIMITS.reason.max}></textarea>
            <p>
              <button type="submit">Publish</button>
            </p>
          </form>
        )}
        {a.status === 'published' && (
          <form method="post" action={`${base}/unpublish`} class="deskform">
            <FormKeys view={view} />
            <h3>Unpublish</h3>
            <label for="unpublish-reason">Reason (recorded)</label>
            <textarea id="unpublish-reason" name="reason" rows={3} required minlength={INPUT_LIMITS.reason.min} maxlength={INPUT_LIMITS.reason.max}></textarea>
            <p>
              <button type="submit">Unpublish</button>
            </p>
          </form>
        )}
        {a.status === 'published' && (
          <form method="post" action={`${base}/correct`} class="deskform">
            <FormKeys view={view} />
            <h3>Correction</h3>
            <label for="correction-place">Paragraph to correct (optional)</label>
            <select id="correction-place" name="place">
              <option value="">None: a notice only</option>
              {paragraphPlaces(draft).map((p) => (
                <option value={p.key}>{p.label}</option>
              ))}
            </select>
            <label for="correction-text">Corrected paragraph text</label>
            <textarea id="correction-text" name="text" rows={4} minlength={INPUT_LIMITS.paragraph.min} maxlength={INPUT_LIMITS.paragraph.max}></textarea>
            <label for="correction-note">Correction notice (public: what was wrong and what is right now)</label>
            <textarea id="correction-note" name="note" rows={3} required minlength={INPUT_LIMITS.correctionNotice.min} maxlength={INPUT_LIMITS.correctionNotice.max}></textarea>
            <p>
              <button type="submit">Publish the correction</button>
            </p>
          </form>
        )}
        {a.status !== 'unpublished' && (
          <form method="post" action={`${base}/edit`} class="deskform">
            <FormKeys view={view} />
            <h3>Edit headline, standfirst, category</h3>
            <label for="edit-title">Headline</label>
            <input type="text" id="edit-title" name="title" value={draft.title} required minlength={INPUT_LIMITS.title.min} maxlength={INPUT_LIMITS.title.max} size={60} />
            <label for="edit-dek">Standfirst</label>
            <textarea id="edit-dek" name="dek" rows={3} required minlength={INPUT_LIMITS.dek.min} maxlength={INPUT_LIMITS.dek.max}>{draft.dek}</textarea>
            <label for="edit-category">Category</label>
            <select id="edit-category" name="category">
              {categories.map((c) => (
                <option value={c} selected={c === draft.category}>
                  {c}
                </option>
              ))}
            </select>
            <p>
              <button type="submit">Save as a new version</button>
            </p>
          </form>
        )}
      </div>
    </section>
  );
}

function DraftAndSources({ draft, sources, notes = [], record }: Pick<ArticleDeskProps, 'draft' | 'sources' | 'notes' | 'record'>) {
  const listed = record.versions.find((v) => v.version === record.article.currentVersion)?.sources ?? [];
  return (
    <section aria-labelledby="draft-sources">
      <h2 id="draft-sources">The draft beside its sources</h2>
      <div class="beside">
        <article aria-labelledby="draft-title">
          <h3 id="draft-title">{draft.title}</h3>
          <p class="dek">{draft.dek}</p>
          {draft.sections.map((s) => (
            <>
              <h4>{s.heading}</h4>
              {s.paragraphs.map((p) => (
                <CitedPara p={p} />
              ))}
            </>
          ))}
          <h4>What This Means</h4>
          {draft.whatThisMeans.map((p) => (
            <CitedPara p={p} />
          ))}
          <h4>FAQ</h4>
          <dl>
            {draft.faq.map((f) => (
              <>
                <dt>{f.question}</dt>
                <dd>
                  <CitedPara p={f.answer} />
                </dd>
              </>
            ))}
          </dl>
        </article>
        <div>
          <h3>Sources</h3>
          <ol>
            {(sources.length ? sources : listed.map((s) => ({ ...s, text: '' }))).map((s) => (
              <li value={s.n} id={`source-${s.n}`}>
                <p>
                  <strong>{s.publisher}</strong>: <a href={s.url}>{s.title}</a> <span class="muted">(<When iso={s.publishedAt} />)</span>
                </p>
                {s.text ? <p>{s.text}</p> : <p class="muted">The source text is not on record for this version.</p>}
              </li>
            ))}
          </ol>
          {notes.length > 0 && (
            <>
              <h3>How this version was written</h3>
              <ul>
                {notes.map((n) => (
                  <li>{n}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </section>
  );
}

function CheckReport({ record, failed }: Pick<ArticleDeskProps, 'record' | 'failed'>) {
  const version = record.versions.find((v) => v.version === record.article.currentVersion);
  const rows = version?.checks ?? [];
  return (
    <section aria-labelledby="checks">
      <h2 id="checks">Check report of version {record.article.currentVersion}</h2>
      {failed.length > 0 && <ul>{failed.map((check) => <FailedCheckItem check={check} />)}</ul>}
      <table>
        <caption class="vh">Every check on this version</caption>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Result</th>
            <th scope="col">Findings</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{checkLabel(r.name)} <span class="muted">({r.name})</span></th>
              <td class={r.passed ? 'pass' : 'fail'}>{r.passed ? 'Passed' : r.severity === 'block' ? 'Failed (blocking)' : 'Warning'}</td>
              <td>{r.details.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Evidence</h3>
      {version && version.evidence.length ? (
        <table>
          <caption class="vh">Each supported claim and the source sentence that supports it</caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Claim</th>
              <th scope="col">Kind</th>
              <th scope="col">Source passage</th>
            </tr>
          </thead>
          <tbody>
            {version.evidence.map((e) => (
              <tr>
                <td>{e.where}</td>
                <td>{e.claim}</td>
                <td>{e.kind}</td>
                <td>
                  [{e.source}] “{e.passage}”
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No evidence was recorded for this version.</p>
      )}
    </section>
  );
}

function Versions({ record, compare }: Pick<ArticleDeskProps, 'record' | 'compare'>) {
  const versions = record.versions;
  const last = versions.at(-1)?.version ?? 1;
  return (
    <section aria-labelledby="versions">
      <h2 id="versions">Versions</h2>
      <ol>
        {versions.map((v) => (
          <li value={v.version}>
            v{v.version}: {versionReason(v.reason)}, <When iso={v.createdAt} /> — {writerLabel(v.writer, v.model)};{' '}
            {v.checksPassed ? 'all blocking checks passed' : 'a blocking check failed'}
          </li>
        ))}
      </ol>
      {versions.length > 1 && (
        <form method="get" action={`/desk/articles/${encodeURIComponent(record.article.id)}`} class="deskform">
          <h3>Compare two versions</h3>
          <label for="diff-from">From version</label>
          <select id="diff-from" name="from">
            {versions.map((v) => (
              <option value={String(v.version)} selected={v.version === (compare?.from ?? last - 1)}>
                v{v.version}
              </option>
            ))}
          </select>
          <label for="diff-to">To version</label>
          <select id="diff-to" name="to">
            {versions.map((v) => (
              <option value={String(v.version)} selected={v.version === (compare?.to ?? last)}>
                v{v.version}
              </option>
            ))}
          </select>
          <p>
            <button type="submit">Compare</button>
          </p>
        </form>
      )}
      {compare && (
        <section class="diff" aria-labelledby="diff-title">
          <h3 id="diff-title">
            Changes from v{compare.from} to v{compare.to}
          </h3>
          {compare.lines.every((l) => l.op === 'same') && <p>The two versions read the same.</p>}
          {compare.lines.map((line) => (
            <p class={line.op === 'same' ? 'muted' : undefined}>
              {line.parts.map((part) => (part.op === 'ins' ? <ins>{part.text}</ins> : part.op === 'del' ? <del>{part.text}</del> : part.text))}
            </p>
          ))}
        </section>
      )}
    </section>
  );
}

function AuditTrail({ record }: Pick<ArticleDeskProps, 'record'>) {
  return (
    <section aria-labelledby="audit">
      <h2 id="audit">Audit trail</h2>
      {record.audit.length ? (
        <table>
          <caption class="vh">Every action on this article, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {record.audit.map((row) => (
              <tr>
                <td>
                  <When iso={row.at} />
                </td>
                <td>{row.actor}</td>
                <td>{row.action}</td>
                <td>{row.details ? JSON.stringify(row.details) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No action is on record.</p>
      )}
      {record.corrections.length > 0 && (
        <>
          <h3>Corrections</h3>
          <ul>
            {record.corrections.map((c) => (
              <li>
                <When iso={c.createdAt} /> (v{c.version}): {c.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function ArticleDeskPage(props: ArticleDeskProps) {
  const a = props.record.article;
  return (
    <DeskLayout siteName={props.view.siteName} title={a.title} view={props.view}>
      <h1>{a.title}</h1>
      <p class="meta">
        {a.status} · version {a.currentVersion} · {a.category} · changed <When iso={a.updatedAt} />
        {props.publicUrl && (
          <>
            {' '}
            · <a href={props.publicUrl}>public page</a>
          </>
        )}
      </p>
      {a.overrideReason && <p class="notice">Published despite a failed check. Reason given: {a.overrideReason}</p>}
      <Actions view={props.view} record={props.record} categories={props.categories} draft={props.draft} />
      <DraftAndSources draft={props.draft} sources={props.sources} notes={props.notes} record={props.record} />
      <CheckReport record={props.record} failed={props.failed} />
      <Versions record={props.record} compare={props.compare} />
      <AuditTrail record={props.record} />
    </DeskLayout>
  );
}
