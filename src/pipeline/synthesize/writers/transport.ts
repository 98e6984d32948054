/** Calling a model endpoint: a per-call timeout and bounded retries with backoff for transient failures. */
import { SynthesisError } from '../synthesis-error';

export interface CallPolicy {
  /** Abort one call after this long. */
  timeoutMs: number;
  /** Total attempts, including the first. */
  attempts: number;
  /** Delay before the second attempt; doubles each time. */
  backoffMs: number;
  /** Injectable for tests. */
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_CALL_POLICY: CallPolicy = {
  timeoutMs: 90_000,
  attempts: 3,
  backoffMs: 1_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The default policy with the caller's defined overrides. */
export function resolvePolicy(overrides: Partial<CallPolicy>): CallPolicy {
  const defined = Object.entries(overrides).filter(([key, value]) => key in DEFAULT_CALL_POLICY && value !== undefined);
  return { ...DEFAULT_CALL_POLICY, ...Object.fromEntries(defined) };
}

/** A failure worth another attempt: a timeout, a 5xx, a 429 or a dropped connection. */
export class TransientError extends Error {
  override name = 'TransientError';
  constructor(
    message: string,
    readonly kind: 'timeout' | 'model-error',
  ) {
    super(message);
  }
}

/** HTTP statuses that a later attempt may not see again. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

/**
 * Runs `call` with a timeout per attempt, retrying transient failures with
 * exponential backoff. Exhausted retries become a SynthesisError ('timeout' if
 * the last attempt timed out, else 'model-error'); any other error passes through.
 *
 * @example await callWithRetries('workers-ai', policy, (signal) => fetch(url, { signal }))
 */
export async function callWithRetries<T>(
  label: string,
  policy: CallPolicy,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const failures: string[] = [];
  let last: TransientError | undefined;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    if (attempt > 1) await policy.sleep(policy.backoffMs * 2 ** (attempt - 2));
    try {
      return await withTimeout(policy.timeoutMs, call);
    } catch (error) {
      if (!(error instanceof TransientError)) throw error;
      last = error;
      failures.push(`attempt ${attempt}: ${error.message}`);
    }
  }
  const kind = last?.kind ?? 'model-error';
  throw new SynthesisError(
    kind,
    `${label} failed after ${policy.attempts} attempt${policy.attempts === 1 ? '' : 's'}: ${last?.message ?? 'no attempt made'}`,
    failures,
  );
}

// Races the call against the timer too: a binding may ignore the abort signal.
async function withTimeout<T>(ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TransientError(`no answer within ${ms} ms`, 'timeout'));
    }, ms);
  });
  try {
    return await Promise.race([
      call(controller.signal).catch((error: unknown) => {
        if (controller.signal.aborted) throw new TransientError(`no answer within ${ms} ms`, 'timeout');
        throw error;
      }),
      timedOut,
    ]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
