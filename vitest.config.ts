import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const migrations = await readD1Migrations(fileURLToPath(new URL('./migrations', import.meta.url)));

/** A free loopback port for the demo newswire: the Worker may fetch only the ports it is configured with. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
// test/node/global-setup.ts starts the newswire on this port.
process.env.DMN_NEWSWIRE_PORT ??= String(await freePort());

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: migrations,
          SITE_URL: 'https://news.test',
          ADMIN_TOKEN: 'test-admin-token',
          ALLOW_LOOPBACK_SOURCES: 'true',
          LOOPBACK_PORTS: process.env.DMN_NEWSWIRE_PORT,
        },
      },
    }),
  ],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    setupFiles: ['./test/setup.ts'],
    globalSetup: ['./test/node/global-setup.ts'],
  },
});
