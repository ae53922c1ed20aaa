import 'server-only';
import { isIP } from 'node:net';
import { PEER_HEADER, stampedPeer } from './peer-address';

type HeaderReader = { get(name: string): string | null };

/**
 * Where the client's address comes from (README "Running behind TLS"):
 *  - by default the TCP peer (the socket): any X-Forwarded-For a client sends is ignored;
 *  - behind a reverse proxy, `LOGPORT_TRUSTED_PROXY_HEADER` names the header the proxy sets (`x-forwarded-for`,
 *    `x-real-ip`…), and `LOGPORT_TRUSTED_PROXY_HOPS` how many proxies append to it (default 1). The address is
 *    the entry that many places from the right: entries further left were written by the client and prove
 *    nothing. A request without the header (not through the proxy) falls back to the socket.
 */
export type AddressConfig = { header: string | null; hops: number };

export function addressConfig(env: Record<string, string | undefined> = process.env): AddressConfig {
  const header = env.LOGPORT_TRUSTED_PROXY_HEADER?.trim().toLowerCase() || null;
  const hops = Number(env.LOGPORT_TRUSTED_PROXY_HOPS);
  return { header, hops: Number.isInteger(hops) && hops > 0 ? Math.min(hops, 10) : 1 };
}

/** An IP address in its usual form (IPv4-mapped IPv6 as IPv4, ports and brackets dropped), or null. */
export function normalizeAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let value = raw.trim();
  if (value.length === 0 || value.length > 100) return null;
  // `[2001:db8::1]:443` and `203.0.113.7:51234` (some proxies add the port).
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped?.[1]) value = mapped[1];
  return isIP(value) ? value.toLowerCase() : null;
}

/** The entry `hops` places from the right of a comma-separated header (the leftmost when there are fewer). */
function fromTrustedHeader(value: string, hops: number): string | null {
  const entries = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  return normalizeAddress(entries[Math.max(entries.length - hops, 0)]);
}

/** The client's address for this request; `unknown` when none can be trusted. */
export function clientAddress(headers: HeaderReader, config: AddressConfig = addressConfig()): string {
  if (config.header) {
    const value = headers.get(config.header);
    if (value) {
      const address = fromTrustedHeader(value, config.hops);
      if (address) return address;
    }
  }
  return normalizeAddress(stampedPeer(headers.get(PEER_HEADER))) ?? 'unknown';
}
