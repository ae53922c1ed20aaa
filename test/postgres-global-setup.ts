import type { TestProject } from 'vitest/node';
import { startCluster } from './postgres-cluster';

// One PostgreSQL cluster for the whole `postgres` test project; each test file gets its own database.
export default async function setup(project: TestProject) {
  const cluster = await startCluster();
  project.provide('postgresAdminUrl', cluster.url());
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}
