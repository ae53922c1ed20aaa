import { describe, expect, it } from 'vitest';
import { addressConfig, clientAddress, normalizeAddress } from './client-address';
import { installPeerStamp, PEER_HEADER, stampFor } from './peer-address';

installPeerStamp();

function headers(values: Record<string, string>) {
  const h = new Headers(values);
  return { get: (name: string) => h.get(name) };
}

const socket = (address: string) => ({ [PEER_HEADER]: stampFor(address) });

describe('the client address', () => {
  it('is the socket address by default, whatever X-Forwarded-For a client sends', () => {
    const config = addressConfig({});
    expect(config).toEqual({ header: null, hops: 1 });
    expect(clientAddress(headers({ ...socket('192.0.2.10'), 'x-forwarded-for': '10.9.9.9' }), config)).toBe(
      '192.0.2.10',
    );
  });

  it('refuses a forged stamp (a client sending the private header itself)', () => {
    const config = addressConfig({});
    expect(clientAddress(headers({ [PEER_HEADER]: 'guess 10.0.0.1' }), config)).toBe('unknown');
    expect(clientAddress(headers({ [PEER_HEADER]: '10.0.0.1' }), config)).toBe('unknown');
    expect(clientAddress(headers({}), config)).toBe('unknown');
  });

  it('behind a proxy: the configured header, the entry as many hops from the right as there are proxies', () => {
    const one = addressConfig({ LOGPORT_TRUSTED_PROXY_HEADER: 'X-Forwarded-For' });
    const spoofed = { ...socket('10.0.0.2'), 'x-forwarded-for': '6.6.6.6, 203.0.113.5' };
    expect(clientAddress(headers(spoofed), one)).toBe('203.0.113.5');
    const two = addressConfig({
      LOGPORT_TRUSTED_PROXY_HEADER: 'x-forwarded-for',
      LOGPORT_TRUSTED_PROXY_HOPS: '2',
    });
    expect(clientAddress(headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.5, 10.0.0.9' }), two)).toBe(
      '203.0.113.5',
    );
    // Fewer entries than hops (a request that skipped the outer proxy): the leftmost.
    expect(clientAddress(headers({ 'x-forwarded-for': '203.0.113.5' }), two)).toBe('203.0.113.5');
  });

  it('falls back to the socket when the proxy header is absent or not an address', () => {
    const config = addressConfig({ LOGPORT_TRUSTED_PROXY_HEADER: 'x-real-ip' });
    expect(clientAddress(headers(socket('10.0.0.2')), config)).toBe('10.0.0.2');
    expect(clientAddress(headers({ ...socket('10.0.0.2'), 'x-real-ip': 'not-an-ip' }), config)).toBe(
      '10.0.0.2',
    );
    expect(clientAddress(headers({ ...socket('10.0.0.2'), 'x-real-ip': '2001:db8::7' }), config)).toBe(
      '2001:db8::7',
    );
  });

  it('writes addresses one way (IPv4-mapped IPv6, ports, brackets, case)', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeAddress('203.0.113.7:51234')).toBe('203.0.113.7');
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress(' 2001:db8::1 ')).toBe('2001:db8::1');
    for (const bad of ['', 'x', '1.2.3', '<script>', 'a'.repeat(200), null, undefined])
      expect(normalizeAddress(bad)).toBeNull();
  });

  it('hops are whole numbers from 1 to 10', () => {
    expect(addressConfig({ LOGPORT_TRUSTED_PROXY_HEADER: 'x', LOGPORT_TRUSTED_PROXY_HOPS: '0' }).hops).toBe(
      1,
    );
    expect(addressConfig({ LOGPORT_TRUSTED_PROXY_HEADER: 'x', LOGPORT_TRUSTED_PROXY_HOPS: '1.5' }).hops).toBe(
      1,
    );
    expect(addressConfig({ LOGPORT_TRUSTED_PROXY_HEADER: 'x', LOGPORT_TRUSTED_PROXY_HOPS: '99' }).hops).toBe(
      10,
    );
  });
});

describe('the stamp on incoming requests', () => {
  it('is set from the socket by a real HTTP server, overwriting what the client sent', async () => {
    const http = await import('node:http');
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(
        clientAddress(headers({ [PEER_HEADER]: String(req.headers[PEER_HEADER]) }), addressConfig({})),
      );
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: 'forged 10.1.1.1' } });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(seen).toEqual(['127.0.0.1']);
  });
});
