import { randomUUID } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createDatabase } from './postgres-cluster';

// Runs before each test file of the `postgres` project: the store of this file is a new PostgreSQL database.
const name = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
process.env.LOGPORT_DATABASE_URL = await createDatabase(inject('postgresAdminUrl'), name);

afterAll(async () => {
  const { closeDb } = await import('@/lib/db');
  await closeDb();
});
