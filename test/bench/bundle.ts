/**
 * The Worker bundle as `wrangler deploy` would upload it (`--dry-run --outdir`), its size raw and
 * gzipped (each file but source maps, gzip level 9, summed), built into a throwaway folder.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { wranglerCli } from './wrangler-dev';

export interface BundleSize {
  /** Bytes of the modules uploaded, uncompressed. */
  bytes: number;
  /** The same, each file gzipped. */
  gzipBytes: number;
  files: number;
}

/** Builds the production entry (wrangler.toml's main) and measures what would be uploaded. */
export function bundleSize(): BundleSize {
  const out = mkdtempSync(join(tmpdir(), 'dmn-bundle-'));
  try {
    wranglerCli(['deploy', '--dry-run', '--outdir', out]);
    const size: BundleSize = { bytes: 0, gzipBytes: 0, files: 0 };
    for (const name of readdirSync(out, { recursive: true }) as string[]) {
      const path = join(out, name);
      if (name.endsWith('.map') || !statSync(path).isFile()) continue;
      const body = readFileSync(path);
      size.bytes += body.length;
      size.gzipBytes += gzipSync(body, { level: 9 }).length;
      size.files++;
    }
    return size;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
