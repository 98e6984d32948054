/** Who acts and with what: the context every editor action (API or desk) is called with. */
import type { Statement } from '../db/batch';
import type { Bindings } from '../env';

export interface EditorIdentity {
  /** Editor row id, or 'admin' for the bootstrap ADMIN_TOKEN. */
  id: string;
  name: string;
  role: 'admin' | 'editor';
}

export interface ActionContext {
  env: Bindings;
  editor: EditorIdentity;
  /** Work that may finish after the answer is sent (cache purges, the run itself). */
  waitUntil(promise: Promise<unknown>): void;
  /** Statements that land in the action's own D1 batch, or not at all (the desk's form nonce). */
  also?: Statement[];
}
