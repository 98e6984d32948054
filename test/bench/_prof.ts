import { grownFeeds } from './feeds';
import { parseFeed } from '../../src/pipeline/parse';
const f = grownFeeds(2 * 1024 * 1024)[0]!;
const t = Date.now();
while (Date.now() - t < 8000) parseFeed(f.body as string, { url: f.url, maxItems: f.items });
