// Debian's Chromium, driven by playwright-core, in the closed network of CI: headless, no sandbox
// (root in a container), and nothing that phones home (without those flags it stalls offline).
import { createServer } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A free loopback TCP port. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Launches Chromium with a DevTools port Lighthouse can attach to. Playwright gives every launch a
 * fresh temporary --user-data-dir of its own (and deletes it on close).
 */
export async function launchChromium(): Promise<{ browser: Browser; debuggingPort: number }> {
  const debuggingPort = await freePort();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, `--remote-debugging-port=${debuggingPort}`],
  });
  return { browser, debuggingPort };
}
