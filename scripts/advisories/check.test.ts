import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findings, installedFromLock, trackedPackages } from './check';
import { compareVersions, inRange, parseVersion } from './semver';
import { ADVISORIES } from './table';

const v = (text: string) => {
  const parsed = parseVersion(text);
  if (!parsed) throw new Error(`not a version: ${text}`);
  return parsed;
};

describe('version comparison', () => {
  it('orders by major, minor and patch numerically (not as text)', () => {
    expect(compareVersions(v('16.2.10'), v('16.2.9'))).toBeGreaterThan(0);
    expect(compareVersions(v('4.24.15'), v('4.24.5'))).toBeGreaterThan(0);
    expect(compareVersions(v('0.10.0'), v('0.7.2'))).toBeGreaterThan(0);
    expect(compareVersions(v('16.0.0'), v('16.0.0'))).toBe(0);
    expect(compareVersions(v('v1.2.3+build.5'), v('1.2.3'))).toBe(0);
  });

  it('puts prereleases before their release, in semver order', () => {
    const ordered = [
      '16.0.0-beta.2',
      '16.0.0-beta.11',
      '16.0.0-canary.1',
      '16.0.0-rc.1',
      '16.0.0',
      '16.0.1-0',
    ];
    for (let i = 1; i < ordered.length; i++)
      expect(compareVersions(v(ordered[i - 1] ?? ''), v(ordered[i] ?? '')), ordered[i]).toBeLessThan(0);
    expect(compareVersions(v('1.0.0-1'), v('1.0.0-alpha'))).toBeLessThan(0);
  });

  it('tests a range from (inclusive) to below (exclusive)', () => {
    expect(inRange('16.2.4', { below: '16.2.5' })).toBe(true);
    expect(inRange('16.2.5', { below: '16.2.5' })).toBe(false);
    expect(inRange('16.2.5-canary.3', { below: '16.2.5' })).toBe(true);
    expect(inRange('4.0.5', { from: '4.0.6', below: '4.24.15' })).toBe(false);
    expect(inRange('4.0.6', { from: '4.0.6', below: '4.24.15' })).toBe(true);
    // Something that is not a version cannot be shown safe.
    expect(inRange('latest', { below: '1.0.0' })).toBe(true);
  });
});

describe('findings', () => {
  const lock = (versions: Record<string, string>) => ({
    lockfileVersion: 3,
    packages: Object.fromEntries(Object.entries(versions).map(([p, version]) => [p, { version }])),
  });

  it('flags a copy below a fixed version, nested copies included, with the advisory id and the fix', () => {
    const installed = installedFromLock(
      lock({
        '': '0.1.0',
        'node_modules/next': '16.2.4',
        'node_modules/next-auth': '4.24.15',
        'node_modules/openid-client/node_modules/jose': '4.15.4',
        'node_modules/jose': '4.15.9',
        'node_modules/cookie': '0.6.0',
      }),
      trackedPackages(),
    );
    const found = findings(installed);
    const ids = found.map((f) => `${f.installed.path} ${f.reason.split(':')[0]}`);
    expect(ids).toContain('node_modules/next GHSA-267c-6grr-h53f');
    expect(ids).toContain('node_modules/next GHSA-6gpp-xcg3-4w24');
    expect(ids).toContain(
      'node_modules/openid-client/node_modules/jose GHSA-hhhv-q57g-882q (CVE-2024-28176)',
    );
    expect(found.some((f) => f.installed.path === 'node_modules/jose')).toBe(false);
    expect(found.filter((f) => f.installed.pkg === 'cookie').map((f) => f.fix)).toContain(
      'upgrade cookie to 0.7.0 or later',
    );
  });

  it('refuses a version outside the tracked line (an older major, or Auth.js v5 betas)', () => {
    const found = findings([
      { pkg: 'next', version: '15.5.99', path: 'node_modules/next' },
      { pkg: 'next-auth', version: '5.0.0-beta.30', path: 'node_modules/next-auth' },
    ]);
    expect(found.filter((f) => /outside the tracked line/.test(f.reason))).toHaveLength(2);
  });

  it('passes the versions at or above every fix', () => {
    expect(
      findings([
        { pkg: 'next', version: '16.3.3', path: 'node_modules/next' },
        { pkg: 'next-auth', version: '4.24.15', path: 'node_modules/next-auth' },
        { pkg: 'jose', version: '4.15.5', path: 'node_modules/jose' },
        { pkg: 'cookie', version: '0.7.0', path: 'node_modules/cookie' },
        { pkg: 'openid-client', version: '5.7.1', path: 'node_modules/openid-client' },
      ]),
    ).toEqual([]);
  });

  it('every advisory names a GitHub advisory id, a valid fixed version, and a package the lines cover', () => {
    for (const a of ADVISORIES) {
      expect(a.id).toMatch(/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/);
      expect(parseVersion(a.below), a.id).not.toBeNull();
      expect(trackedPackages()).toContain(a.pkg);
    }
  });

  it("this repository's package-lock.json passes", () => {
    const repoLock = JSON.parse(readFileSync(path.resolve('package-lock.json'), 'utf8'));
    expect(findings(installedFromLock(repoLock, trackedPackages()))).toEqual([]);
  });
});
