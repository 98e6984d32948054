/** The one error the feed parser throws: its message is meant for an editor to read. */

export type FeedParseErrorCode =
  | 'empty'
  | 'html'
  | 'not-xml'
  | 'not-a-feed'
  | 'malformed'
  | 'entities'
  | 'json'
  | 'too-deep';

/** Input that is not a feed we can read; `message` says why in plain words. */
export class FeedParseError extends Error {
  override name = 'FeedParseError';
  constructor(
    readonly code: FeedParseErrorCode,
    message: string,
  ) {
    super(message);
  }
}
