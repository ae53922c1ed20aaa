import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP receiver for the alerts tests (Vitest and Playwright): records every request as it arrived (raw
 * body, headers, time) and answers as the test says: a status, a redirect, a huge body, or nothing at all.
 */
export type Hit = { at: number; path: string; headers: IncomingHttpHeaders; body: string };
export type Answer =
  | { status: number; body?: string; headers?: Record<string, string> }
  | 'hang'
  | 'headers-then-hang';

export type Receiver = {
  url: string;
  hits: Hit[];
  /** What to answer to the n-th request (0-based); the default answers 200 `ok`. */
  answer: (n: number, hit: Hit) => Answer;
  close: () => Promise<void>;
};

export async function startReceiver(answer: Receiver['answer'] = () => ({ status: 200 })): Promise<Receiver> {
  const hanging = new Set<ServerResponse>();
  const receiver: Receiver = {
    url: '',
    hits: [],
    answer,
    close: async () => {
      for (const res of hanging) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const hit: Hit = {
        at: Date.now(),
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const n = receiver.hits.length;
      receiver.hits.push(hit);
      const a = receiver.answer(n, hit);
      if (a === 'hang') {
        hanging.add(res);
        return;
      }
      if (a === 'headers-then-hang') {
        hanging.add(res);
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('partial');
        return;
      }
      res.writeHead(a.status, { 'content-type': 'text/plain', ...(a.headers ?? {}) });
      res.end(a.body ?? 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
