import { describe, expect, it } from 'vitest';
import { connectionString, storeTarget } from './engine';

describe('the store target', () => {
  it('is PostgreSQL for a postgres:// or postgresql:// URL, else the SQLite file in the data folder', () => {
    const saved = { url: process.env.LOGPORT_DATABASE_URL, dir: process.env.LOGPORT_DATA_DIR };
    try {
      process.env.LOGPORT_DATA_DIR = '/tmp/somewhere';
      delete process.env.LOGPORT_DATABASE_URL;
      expect(storeTarget()).toEqual({ engine: 'sqlite', where: '/tmp/somewhere/logport.db' });
      process.env.LOGPORT_DATABASE_URL = 'postgresql://u@h/db';
      expect(storeTarget()).toEqual({ engine: 'postgres', where: 'postgresql://u@h/db' });
      process.env.LOGPORT_DATABASE_URL = 'mysql://u@h/db';
      expect(storeTarget().engine).toBe('sqlite');
    } finally {
      if (saved.url === undefined) delete process.env.LOGPORT_DATABASE_URL;
      else process.env.LOGPORT_DATABASE_URL = saved.url;
      if (saved.dir === undefined) delete process.env.LOGPORT_DATA_DIR;
      else process.env.LOGPORT_DATA_DIR = saved.dir;
    }
  });

  it("drops the URL's TLS settings when Logport's own CA bundle applies (node-postgres lets the URL win)", () => {
    const url =
      'postgres://u:p@db.example:5432/logport?sslmode=require&sslrootcert=/x.pem&application_name=lp';
    expect(connectionString(url, false)).toBe(url);
    const cleaned = new URL(connectionString(url, true));
    expect(cleaned.searchParams.get('sslmode')).toBeNull();
    expect(cleaned.searchParams.get('sslrootcert')).toBeNull();
    expect(cleaned.searchParams.get('application_name')).toBe('lp');
    expect(cleaned.password).toBe('p');
  });
});
