// Placeholder until the scripted model server lands: a loopback server that answers nothing.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startModelStub(opts: { port: number; host?: string }) {
  const server = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((r) => server.listen(opts.port, opts.host ?? '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
