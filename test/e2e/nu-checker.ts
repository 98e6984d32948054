// The Nu HTML Checker (npm vnu-jar, run with the machine's java) over the pages' served HTML.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface NuMessage {
  type: string;
  subType?: string;
  message: string;
  url: string;
  lastLine?: number;
}

const VNU_JAR = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
const JAVA = process.env.JAVA ?? '/usr/bin/java';

/**
 * Checks HTML files in one JVM. Returns every message (errors have type "error"; "info" with
 * subType "warning" are warnings). Throws when java or the jar cannot run at all.
 */
export function nuCheck(files: string[]): Promise<NuMessage[]> {
  return new Promise((resolve, reject) => {
    // Exit status 1 only means "errors found"; the JSON on stdout says which.
    execFile(JAVA, ['-jar', VNU_JAR, '--format', 'json', '--stdout', ...files], { maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        resolve((JSON.parse(stdout) as { messages: NuMessage[] }).messages);
      } catch {
        reject(new Error(`vnu did not answer with JSON: ${error?.message ?? ''} ${stderr.slice(0, 500)}`));
      }
    });
  });
}
