import { peerParseBenchmarks } from './parse-peers';
import { formatTable } from './report';
console.log(formatTable(await peerParseBenchmarks({ feedBytes: 2 * 1024 * 1024, rounds: 2, roundMs: 300 })));
