import 'server-only';
import { randomBytes } from 'node:crypto';
import http from 'node:http';

/**
 * The TCP peer's address of each request, for sign-in limits and the sessions list.
 *
 * Why this exists: route handlers and the proxy see a web `Request`, never the socket. Next.js does add
 * `X-Forwarded-For` from the socket, but only when the client sent none (`??=`), so whatever a client puts there
 * would be taken as its address. This stamps every incoming request, before Next.js sees it, with a private
 * header holding the socket address and a secret made at start-up: a client cannot forge it, and a value
 * without the secret (sent by a client, or stamped by nobody) is ignored.
 */
export const PEER_HEADER = 'x-logport-peer';

type Stamp = { secret: string; installed: boolean };

// On globalThis: the proxy and the route handlers are separate bundles of one process, with one secret.
const g = globalThis as unknown as { logportPeerStamp?: Stamp };

function stamp(): Stamp {
  g.logportPeerStamp ??= { secret: randomBytes(18).toString('base64url'), installed: false };
  return g.logportPeerStamp;
}

/** Installs the stamp on every HTTP server of this process (called once, from instrumentation). */
export function installPeerStamp(): void {
  const s = stamp();
  if (s.installed) return;
  s.installed = true;
  const emit = http.Server.prototype.emit as (
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ) => boolean;
  const stamped = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage | undefined;
      // Always overwritten: a client-sent value never survives.
      if (req?.headers) req.headers[PEER_HEADER] = `${s.secret} ${req.socket?.remoteAddress ?? ''}`;
    }
    return emit.call(this, event, ...args);
  };
  http.Server.prototype.emit = stamped as typeof http.Server.prototype.emit;
}

/** The socket address stamped on this request, or null (not stamped, or a forged value). */
export function stampedPeer(value: string | null | undefined): string | null {
  const s = g.logportPeerStamp;
  if (!s?.installed || !value) return null;
  const space = value.indexOf(' ');
  if (space < 0 || value.slice(0, space) !== s.secret) return null;
  return value.slice(space + 1) || null;
}

/** For tests: the value the stamp would set for `address`. */
export function stampFor(address: string): string {
  return `${stamp().secret} ${address}`;
}
