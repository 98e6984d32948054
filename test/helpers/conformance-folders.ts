/** The feedparser corpus folders the parser is held to (issue 3). */
export const CONFORMANCE_FOLDERS = [
  'wellformed/rss',
  'wellformed/atom',
  'wellformed/atom10',
  'wellformed/rdf',
  'wellformed/base',
  'wellformed/sanitize',
  'encoding',
  'entities',
  'illformed',
  'json',
] as const;
