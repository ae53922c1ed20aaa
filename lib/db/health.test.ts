import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The store's readiness answer (/api/health) on whichever engine this project runs (SQLite, PostgreSQL).
process.env.LOGPORT_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'logport-health-'));
const { storeHealth, closeDb, engine } = await import('./index');
const { migrations } = await import('./migrations');

describe('storeHealth', () => {
  it('answers reachable at the latest schema version once migrated', async () => {
    const health = await storeHealth();
    expect(health).toEqual({
      engine: engine(),
      reachable: true,
      version: migrations.length,
      latest: migrations.length,
    });
  });

  it('says unreachable (and does not hang) when the database does not answer', async () => {
    const saved = process.env.LOGPORT_DATABASE_URL;
    await closeDb();
    // A closed port on loopback: the connection is refused at once.
    process.env.LOGPORT_DATABASE_URL = 'postgres://nobody@127.0.0.1:1/none';
    try {
      const health = await storeHealth(2_000);
      expect(health).toMatchObject({ engine: 'postgres', reachable: false, version: null });
    } finally {
      await closeDb();
      if (saved === undefined) delete process.env.LOGPORT_DATABASE_URL;
      else process.env.LOGPORT_DATABASE_URL = saved;
    }
  });

  // A replica that starts while PostgreSQL is down: unready at first, ready once the database answers, with
  // no restart. The database is reached through a local port that first refuses, then forwards.
  it.runIf(engine() === 'postgres')('recovers without a restart once the database answers', async () => {
    const saved = process.env.LOGPORT_DATABASE_URL ?? '';
    const real = new URL(saved);
    let forward = false;
    const sockets = new Set<net.Socket>();
    const gate = net.createServer((client) => {
      sockets.add(client);
      if (!forward) return client.destroy();
      const upstream = net.connect(Number(real.port || 5432), real.hostname);
      sockets.add(upstream);
      client.pipe(upstream).pipe(client);
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    });
    await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));
    const port = (gate.address() as net.AddressInfo).port;
    await closeDb();
    const viaGate = new URL(saved);
    viaGate.hostname = '127.0.0.1';
    viaGate.port = String(port);
    process.env.LOGPORT_DATABASE_URL = viaGate.toString();
    try {
      expect(await storeHealth(2_000)).toMatchObject({ reachable: false });
      expect(await storeHealth(2_000)).toMatchObject({ reachable: false });
      forward = true;
      expect(await storeHealth(5_000)).toEqual({
        engine: 'postgres',
        reachable: true,
        version: migrations.length,
        latest: migrations.length,
      });
    } finally {
      await closeDb();
      process.env.LOGPORT_DATABASE_URL = saved;
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => gate.close(resolve));
    }
  });
});
