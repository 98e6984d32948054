/** A machine-readable time with a human label. */
import { formatDateTime } from '../format';

export function Time({ iso }: { iso: string }) {
  return <time datetime={iso}>{formatDateTime(iso)}</time>;
}
