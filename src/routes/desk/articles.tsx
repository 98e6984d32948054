/** The desk's review queue and article screen, and the article actions (the API's own functions). */
import { Hono } from 'hono';
import { z } from 'zod';
import { openDb } from '../../db/client';
import { storyProblems } from '../../db/queries/stories';
import {
  articleRecord,
  correctArticleNow,
  correctionInput,
  editArticleNow,
  editInput,
  publishArticleNow,
  publishInput,
  unpublishArticleNow,
  unpublishInput,
} from '../../editor/articles';
import { explainChecks, reviewQueue, versionRecord } from '../../editor/review';
import { loadConfig } from '../../env';
import { ApiError } from '../../lib/http/api-error';
import { diffLines } from '../../lib/diff';
import { draftLines } from '../../lib/draft-text';
import type { ActionResult } from '../../pipeline/editorial';
import type { ArticleDraft } from '../../pipeline/types';
import { ArticleDeskPage, paragraphPlaces } from '../../../templates/desk/ArticleDeskPage';
import { QueuePage } from '../../../templates/desk/QueuePage';
import { actOnce, deskView, formFields, parseForm, redirectWith, refuse, renderDesk, type DeskEnv } from './context';

const versionParam = z.coerce.number().int().min(1).max(10_000);
const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);

/** The draft with one paragraph (by its place key, as the correction form lists them) rewritten, its citations kept. */
function withParagraph(draft: ArticleDraft, key: string, text: string): ArticleDraft | null {
  if (!paragraphPlaces(draft).some((p) => p.key === key)) return null;
  const copy = structuredClone(draft);
  const s = /^s(\d+)p(\d+)$/.exec(key);
  const w = /^w(\d+)$/.exec(key);
  const f = /^f(\d+)$/.exec(key);
  if (s) copy.sections[Number(s[1])]!.paragraphs[Number(s[2])]!.text = text;
  else if (w) copy.whatThisMeans[Number(w[1])]!.text = text;
  else if (f) copy.faq[Number(f[1])]!.answer.text = text;
  return copy;
}

const said = (done: ActionResult, what: string, already: string) => (done.changed ? `${what} (version ${done.version}).` : already);

export const deskArticles = new Hono<DeskEnv>()
  .get('/', async (c) => {
    const db = openDb(c.env.DB);
    const [entries, { failed, stuck }] = await Promise.all([reviewQueue(db, c.env.STORE), storyProblems(db, new Date())]);
    return renderDesk(c, <QueuePage view={deskView(c)} entries={entries} problems={[...failed, ...stuck]} />);
  })
  .get('/articles/:id', async (c) => {
    const db = openDb(c.env.DB);
    let record;
    try {
      record = await articleRecord(db, c.req.param('id'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return refuse(c, 404, err.message);
      throw err;
    }
    const current = record.versions.find((v) => v.version === record.article.currentVersion) ?? record.versions.at(-1)!;
    const { sources, notes } = await versionRecord(c.env.STORE, current.r2Key);
    const draft = current.draft as ArticleDraft;
    const from = versionParam.safeParse(c.req.query('from'));
    const to = versionParam.safeParse(c.req.query('to'));
    const a = from.success ? record.versions.find((v) => v.version === from.data) : undefined;
    const b = to.success ? record.versions.find((v) => v.version === to.data) : undefined;
    const compare = a && b ? { from: a.version, to: b.version, lines: diffLines(draftLines(a.draft as ArticleDraft), draftLines(b.draft as ArticleDraft)) } : null;
    const config = loadConfig(c.env);
    return renderDesk(
      c,
      <ArticleDeskPage
        view={deskView(c)}
        record={record}
        draft={draft}
        sources={sources}
        notes={notes}
        failed={explainChecks(current.checks, draft, sources)}
        categories={config.CATEGORIES}
        compare={compare}
        publicUrl={record.article.status === 'published' ? `/articles/${record.article.slug}` : null}
      />,
    );
  })
  .post('/articles/:id/publish', async (c) => {
    const id = c.req.param('id');
    const back = `/desk/articles/${encodeURIComponent(id)}`;
    const form = parseForm(publishInput, { reason: blankToUndefined((await formFields(c)).reason) });
    if (!form.ok) return redirectWith(c, back, { kind: 'error', message: form.message });
    return actOnce(c, 'publish', back, async (ctx) => said(await publishArticleNow(ctx, id, form.data), 'Published', 'It was already published; nothing changed.'));
  })
  .post('/articles/:id/unpublish', async (c) => {
    const id = c.req.param('id');
    const back = `/desk/articles/${encodeURIComponent(id)}`;
    const form = parseForm(unpublishInput, { reason: (await formFields(c)).reason ?? '' });
    if (!form.ok) return redirectWith(c, back, { kind: 'error', message: form.message });
    return actOnce(c, 'unpublish', back, async (ctx) => said(await unpublishArticleNow(ctx, id, form.data), 'Unpublished', 'It was already unpublished; nothing changed.'));
  })
  .post('/articles/:id/correct', async (c) => {
    const id = c.req.param('id');
    const back = `/desk/articles/${encodeURIComponent(id)}`;
    const fields = await formFields(c);
    const place = blankToUndefined(fields.place);
    const text = blankToUndefined(fields.text);
    if (Boolean(place) !== Boolean(text)) {
      return redirectWith(c, back, { kind: 'error', message: 'Nothing was done: to change the text, choose a paragraph and write its corrected text (or leave both empty for a notice only).' });
    }
    let draft: ArticleDraft | undefined;
    if (place && text) {
      const record = await articleRecord(openDb(c.env.DB), id);
      const current = record.versions.find((v) => v.version === record.article.currentVersion);
      draft = (current && withParagraph(current.draft as ArticleDraft, place, text.trim())) || undefined;
      if (!draft) return redirectWith(c, back, { kind: 'error', message: 'Nothing was done: that paragraph is not in the current version.' });
    }
    const form = parseForm(correctionInput, { text: fields.note ?? '', ...(draft ? { draft } : {}) });
    if (!form.ok) return redirectWith(c, back, { kind: 'error', message: form.message });
    return actOnce(c, 'correction', back, async (ctx) => said(await correctArticleNow(ctx, id, form.data), 'Correction published', 'Nothing changed.'));
  })
  .post('/articles/:id/edit', async (c) => {
    const id = c.req.param('id');
    const back = `/desk/articles/${encodeURIComponent(id)}`;
    const fields = await formFields(c);
    const record = await articleRecord(openDb(c.env.DB), id);
    const current = record.versions.find((v) => v.version === record.article.currentVersion);
    const draft = current?.draft as ArticleDraft | undefined;
    // Only what the editor changed: an unchanged form makes no new version.
    const changes = Object.fromEntries(
      (['title', 'dek', 'category'] as const)
        .map((k) => [k, fields[k]?.trim()] as const)
        .filter(([k, v]) => v !== undefined && v !== '' && v !== draft?.[k]),
    );
    const form = parseForm(editInput, changes);
    // An unchanged form is checked inside, after the nonce: resubmitting a saved edit is "done once", not "unchanged".
    if (!form.ok && Object.keys(changes).length) return redirectWith(c, back, { kind: 'error', message: form.message });
    return actOnce(c, 'edit', back, async (ctx) =>
      form.ok ? said(await editArticleNow(ctx, id, form.data), 'Saved as a new version', 'Nothing changed.') : 'Nothing was changed, so no new version was made.',
    );
  });
