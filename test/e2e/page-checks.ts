// What a reader's browser sees on one page: console errors, failed requests, citation links that
// land on their source, Tab reaching every link with a visible focus ring, axe-core, overflow.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Cookies a signed-in editor's browser holds (Playwright's storage state), for the desk's pages. */
export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface PageReport {
  name: string;
  path: string;
  status: number;
  consoleErrors: string[];
  failedRequests: string[];
  /** Citation links whose #source-N target is missing or not a source entry. */
  brokenCitations: string[];
  citations: number;
  /** Links Tab never reached, and focused elements drawn without a focus indicator. */
  unreachableLinks: string[];
  invisibleFocus: string[];
  links: number;
  axeViolations: { id: string; impact: string | null; nodes: number; help: string }[];
  /** document width at a 320 px viewport (must not exceed 320). */
  widthAt320: number;
}

/** Opens the page with listeners for console errors and failed requests attached first. */
async function open(browser: Browser, url: string, viewport: { width: number; height: number }, expect404: boolean, storageState?: StorageState) {
  const context = await browser.newContext({ viewport, storageState });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Chromium logs a 404 document's own status as a console error; a real 404 page must have that status.
    if (expect404 && msg.location().url === url && /status of 404/.test(msg.text())) return;
    consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  page.on('requestfailed', (req) => failedRequests.push(`${req.url()} (${req.failure()?.errorText ?? 'failed'})`));
  page.on('response', (res) => {
    // The 404 page's own document is meant to be a 404; anything else it loads is not.
    if (res.status() >= 400 && !(expect404 && res.request().isNavigationRequest() && res.url() === url)) failedRequests.push(`${res.url()} (HTTP ${res.status()})`);
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  return { context, page, status: response?.status() ?? 0, consoleErrors, failedRequests };
}

/** Every #source-N link must point at an <li id="source-N"> inside the Sources section; clicking one scrolls to it. */
async function checkCitations(page: Page): Promise<{ count: number; broken: string[] }> {
  const result = await page.evaluate(() => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#source-"]')];
    const broken = links
      .filter((a) => {
        const target = document.getElementById(a.getAttribute('href')!.slice(1));
        return !(target && target.tagName === 'LI' && target.closest('section.sources'));
      })
      .map((a) => a.getAttribute('href')!);
    return { count: links.length, broken };
  });
  const hrefs = await page.$$eval('a[href^="#source-"]', (as) => [...new Set(as.map((a) => a.getAttribute('href')!))]);
  for (const href of hrefs) {
    await page.click(`a[href="${href}"] >> nth=0`);
    // Fragment navigation is queued after the click event: wait for it before looking.
    await page.waitForFunction((h) => location.hash === h, href, { timeout: 5_000 }).catch(() => undefined);
    const landed = await page.evaluate((h) => {
      const target = document.querySelector(':target');
      if (!target || `#${target.id}` !== h) return false;
      const box = target.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight;
    }, href);
    if (!landed) result.broken.push(`${href} (click did not land on the entry)`);
  }
  return result;
}

/**
 * Presses Tab until focus leaves the page or comes back round; every link must be reached with a
 * visible ring. A closed <details> is opened with Enter on its summary, as a keyboard user would.
 */
async function checkKeyboard(page: Page): Promise<{ links: number; unreachable: string[]; invisible: string[] }> {
  const total = await page.evaluate(() => {
    const focusable = [...document.querySelectorAll<HTMLElement>('a[href], input, button, select, textarea, summary')];
    focusable.forEach((el, i) => el.setAttribute('data-e2e-i', String(i)));
    return focusable.length;
  });
  const reached = new Set<number>();
  const invisible: string[] = [];
  for (let press = 0; press < total + 5; press++) {
    await page.keyboard.press('Tab');
    const seen = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const box = el.getBoundingClientRect();
      const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
      const closedSummary = el.tagName === 'SUMMARY' && !(el.parentElement as HTMLDetailsElement | null)?.open;
      return { closedSummary, i: Number(el.getAttribute('data-e2e-i')), label: `${el.tagName.toLowerCase()} ${el.getAttribute('href') ?? el.getAttribute('name') ?? ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`, visible: ring && onScreen };
    });
    if (!seen) break;
    if (reached.has(seen.i)) break;
    reached.add(seen.i);
    if (!seen.visible) invisible.push(seen.label);
    if (seen.closedSummary) await page.keyboard.press('Enter');
  }
  const unreachable = await page.evaluate(
    (got) =>
      [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
        .filter((a) => !got.includes(Number(a.getAttribute('data-e2e-i'))))
        .map((a) => `${a.getAttribute('href')} "${(a.textContent ?? '').trim().slice(0, 40)}"`),
    [...reached],
  );
  const links = await page.evaluate(() => document.querySelectorAll('a[href]').length);
  return { links, unreachable, invisible };
}

/** axe-core's default rules (WCAG A/AA and best practices), run inside the page; the CSP is left on. */
async function runAxe(page: Page): Promise<PageReport['axeViolations']> {
  // Evaluated through DevTools, which page CSP does not govern: the page itself still runs no script.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
  return violations;
}

/** Every check on one page, in fresh browser contexts (one at 390 px for the checks, one at 320 px for overflow). */
export async function checkPage(browser: Browser, site: string, name: string, path: string, expect404 = false, storageState?: StorageState): Promise<PageReport> {
  const url = `${site}${path}`;
  const opened = await open(browser, url, { width: 390, height: 844 }, expect404, storageState);
  const { page } = opened;
  const axeViolations = await runAxe(page);
  const citations = await checkCitations(page);
  await page.goto(url, { waitUntil: 'load' });
  const keyboard = await checkKeyboard(page);
  await opened.context.close();

  const narrow = await browser.newContext({ viewport: { width: 320, height: 640 }, storageState });
  const small = await narrow.newPage();
  await small.goto(url, { waitUntil: 'load' });
  const widthAt320 = await small.evaluate(() => document.documentElement.scrollWidth);
  await narrow.close();

  return {
    name,
    path,
    status: opened.status,
    consoleErrors: opened.consoleErrors,
    failedRequests: opened.failedRequests,
    brokenCitations: citations.broken,
    citations: citations.count,
    unreachableLinks: keyboard.unreachable,
    invisibleFocus: keyboard.invisible,
    links: keyboard.links,
    axeViolations,
    widthAt320,
  };
}
