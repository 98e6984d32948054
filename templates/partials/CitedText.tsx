/** A paragraph of article text followed by its citation links, which jump to the source list. */
import type { Cited } from '../../src/pipeline/types';

export function Citations({ numbers, known }: { numbers: number[]; known: ReadonlySet<number> }) {
  return (
    <>
      {numbers.map((n) =>
        known.has(n) ? (
          <>
            {' '}
            <sup class="cite">
              <a href={`#source-${n}`} aria-label={`Source ${n}`}>[{n}]</a>
            </sup>
          </>
        ) : null,
      )}
    </>
  );
}

export function CitedParagraph({ cited, known }: { cited: Cited; known: ReadonlySet<number> }) {
  return (
    <p>
      {cited.text}
      <Citations numbers={cited.citations} known={known} />
    </p>
  );
}
