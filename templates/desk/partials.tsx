/** Small pieces the desk pages share: check names in words, explained findings, times. */
import type { Finding } from '../../src/editor/findings';
import { CHECK_LABELS, formatDateTime } from '../format';

export function checkLabel(name: string): string {
  return CHECK_LABELS[name] ?? name;
}

export function When({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <>never</>;
  return <time datetime={iso}>{formatDateTime(iso)}</time>;
}

/** One finding: what is wrong, the draft's claim, and the closest passage of the cited sources. */
export function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li>
      <p>{finding.text}</p>
      {finding.claim && (
        <p>
          <strong>Claim:</strong> {finding.claim}
        </p>
      )}
      {finding.closest ? (
        <p>
          <strong>
            Closest source passage, [{finding.closest.source}] {finding.closest.publisher}:
          </strong>{' '}
          “{finding.closest.passage}”
        </p>
      ) : (
        <p class="muted">No source passage comes close.</p>
      )}
    </li>
  );
}

/** A failed check in words, with its findings. */
export function FailedCheckItem({ check }: { check: { name: string; severity: string; findings: Finding[] } }) {
  return (
    <li>
      <p>
        <strong>{check.severity === 'block' ? 'Failed' : 'Warning'}: {checkLabel(check.name)}</strong> <span class="muted">({check.name})</span>
      </p>
      {check.findings.length > 0 && <ul>{check.findings.map((f) => <FindingItem finding={f} />)}</ul>}
    </li>
  );
}
