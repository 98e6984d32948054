// The first screen of a page at a phone's and a laptop's width, in the light and the dark scheme.
import type { Browser } from 'playwright-core';

export const SHOTS = [
  { width: 390, height: 844, scheme: 'light' },
  { width: 390, height: 844, scheme: 'dark' },
  { width: 1280, height: 800, scheme: 'light' },
  { width: 1280, height: 800, scheme: 'dark' },
] as const;

/** Saves `{dir}/{name}-{width}-{scheme}.png` for each of SHOTS; returns the file paths. */
export async function screenshots(browser: Browser, url: string, name: string, dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const shot of SHOTS) {
    const context = await browser.newContext({ viewport: { width: shot.width, height: shot.height }, colorScheme: shot.scheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const file = `${dir}/${name}-${shot.width}-${shot.scheme}.png`;
    await page.screenshot({ path: file });
    files.push(file);
    await context.close();
  }
  return files;
}
