import { mkdtempSync } from 'node:fs';
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
});
