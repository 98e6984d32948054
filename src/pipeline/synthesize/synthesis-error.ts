/** The typed failure of a synthesis: the caller marks the story failed with its code and reason. */

export type SynthesisErrorCode = 'invalid-output' | 'model-error' | 'timeout' | 'no-usable-sources';

export class SynthesisError extends Error {
  override name = 'SynthesisError';
  readonly code: SynthesisErrorCode;
  /** Validation problems or per-attempt failures, one line each. */
  readonly details: string[];

  constructor(code: SynthesisErrorCode, message: string, details: string[] = []) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/** A model's answer cut off at its token limit: bad output that earns the repair turn. */
export class TruncatedOutputError extends SynthesisError {
  override name = 'TruncatedOutputError';
  constructor(
    /** What the model wrote before it was cut off. */
    readonly partial: string,
  ) {
    super('invalid-output', 'the answer was cut off at the token limit (incomplete JSON)');
  }
}
