/**
 * Recovers a feed whose XML is broken inside some of its items: each item is checked on its own,
 * the broken ones are left out (and named in a warning), and the rest of the feed is kept.
 */
import { XMLValidator } from 'fast-xml-parser';

export interface Recovered {
  /** The document without its broken items. */
  text: string;
  /** One line per item left out, for the parse warnings and the source's health. */
  dropped: string[];
}

/** Validator errors that leave the element structure ambiguous (a tag closing the wrong element). */
export const STRUCTURAL_ERROR = /Expected closing tag|has not been opened|instead of closing tag|Closing tag .* is expected|unclosed|Unclosed/i;

const ITEM_START = /<(?:[A-Za-z_][\w.-]*:)?(item|entry)(?=[\s>/])/y;

/**
 * Splits the document at its item (RSS, RDF) or entry (Atom) start tags and keeps each item that is
 * well-formed on its own. Undefined when there are no items, when every item is fine (the fault is
 * elsewhere), or when the feed around the items is broken too.
 */
export function recoverItems(text: string): Recovered | undefined {
  const starts = itemStarts(text);
  if (!starts.length) return undefined;
  const last = starts[starts.length - 1]!;
  const name = last.name;
  const closeEnd = lastCloseEnd(text, name, last.at);
  if (closeEnd === -1) return undefined;
  const head = text.slice(0, starts[0]!.at);
  const tail = text.slice(closeEnd);
  const kept: string[] = [];
  const dropped: string[] = [];
  starts.forEach((start, i) => {
    const segment = text.slice(start.at, i + 1 < starts.length ? starts[i + 1]!.at : closeEnd);
    const problem = segmentProblem(segment);
    if (problem === undefined) kept.push(segment);
    else dropped.push(`Item ${i + 1}${titleOf(segment)} is not well-formed XML (${problem}); it was left out and the other items kept`);
  });
  if (!dropped.length) return undefined;
  const rebuilt = head + kept.join('') + tail;
  const check = XMLValidator.validate(rebuilt, { allowBooleanAttributes: true });
  if (check !== true && STRUCTURAL_ERROR.test(check.err.msg)) return undefined;
  return { text: rebuilt, dropped };
}

/** The validator's complaint about one item, or undefined when it stands as well-formed XML. */
function segmentProblem(segment: string): string | undefined {
  const result = XMLValidator.validate(segment, { allowBooleanAttributes: true });
  if (result === true) return undefined;
  // Only broken structure disqualifies an item: the parser reads stray '&' or odd entities fine.
  const broken = STRUCTURAL_ERROR.test(result.err.msg) || /multiple root|extra text|text data outside/i.test(result.err.msg);
  // Line numbers count from the item, not the document: leave them out.
  return broken ? result.err.msg.replace(/ \(opened in line \d+, col \d+\)/g, '').replace(/\.$/, '') : undefined;
}

/** Item start tags outside comments and CDATA sections, with their element name. */
function itemStarts(text: string): { at: number; name: string }[] {
  const found: { at: number; name: string }[] = [];
  let i = text.indexOf('<');
  while (i !== -1) {
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end === -1) break;
      i = text.indexOf('<', end + 3);
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) break;
      i = text.indexOf('<', end + 3);
      continue;
    }
    ITEM_START.lastIndex = i;
    const m = ITEM_START.exec(text);
    // Items of one kind only: an Atom entry inside an RSS item is content, not a sibling.
    if (m && (!found.length || found[0]!.name === m[1])) found.push({ at: i, name: m[1]! });
    i = text.indexOf('<', i + 1);
  }
  return found;
}

/** Index just past the last closing tag of `name` (any prefix) after `from`, or -1. */
function lastCloseEnd(text: string, name: string, from: number): number {
  const close = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${name}\\s*>`, 'g');
  close.lastIndex = from;
  let end = -1;
  for (let m = close.exec(text); m; m = close.exec(text)) end = m.index + m[0].length;
  return end;
}

/** ' ("its title")' for a warning, when the broken item's title can be seen. */
function titleOf(segment: string): string {
  const title = /<(?:[\w.-]+:)?title[^>]*>(?:<!\[CDATA\[)?([^<\]]{1,80})/.exec(segment)?.[1]?.trim();
  return title ? ` ("${title}")` : '';
}
