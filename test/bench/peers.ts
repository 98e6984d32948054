/**
 * The feed parsers a developer would pick instead of ours, each wrapped to parse one document
 * fully and return how many items it read (so a lazy parser cannot look fast by reading nothing).
 */
import { parseFeed as rowanmanningParse } from '@rowanmanning/feed-parser';
import { parseFeed as feedsmithParse } from 'feedsmith';
import RssParser from 'rss-parser';
import { parseFeed } from '../../src/pipeline/parse';

export interface FeedParser {
  name: string;
  /** Parses `body` completely; resolves to the number of items read. Throws on failure. */
  parse: (body: string, url: string) => number | Promise<number>;
}

/** Ours: the same call ingest makes, every item kept (maxItems) so the cap cannot flatter it. */
export function ourParser(maxItems: number): FeedParser {
  return { name: 'ours (parseFeed)', parse: (body, url) => parseFeed(body, { url, maxItems }).items.length };
}

const rssParser = new RssParser();

/** The peers, in the order the table lists them. */
export const PEER_PARSERS: FeedParser[] = [
  {
    name: 'feedsmith',
    parse: (body) => {
      const { feed } = feedsmithParse(body) as { feed: { items?: unknown[]; entries?: unknown[] } };
      return (feed.items ?? feed.entries ?? []).length;
    },
  },
  {
    // Its fields are getters computed on access: toJSON() reads every one, as a caller storing the items would.
    name: '@rowanmanning/feed-parser',
    parse: (body) => rowanmanningParse(body).toJSON().items.length,
  },
  {
    name: 'rss-parser',
    parse: async (body) => (await rssParser.parseString(body)).items.length,
  },
];
