/**
 * The little of semver the advisory check needs: parse `1.2.3` / `1.2.3-canary.4` and compare. A prerelease
 * sorts before its release (`16.0.0-canary.1` < `16.0.0`), identifiers compare numerically when both are
 * numbers, and build metadata (`+sha`) is ignored, as in the semver spec.
 */
export type Version = { major: number; minor: number; patch: number; pre: string[] };

const PATTERN = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(text: string): Version | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    pre: m[4] ? m[4].split('.') : [],
  };
}

function comparePre(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length; // a release is above its prereleases
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) {
      if (Number(x) !== Number(y)) return Number(x) < Number(y) ? -1 : 1;
    } else if (xn !== yn) {
      return xn ? -1 : 1; // numeric identifiers sort before alphanumeric ones
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || comparePre(a.pre, b.pre);
}

/** `from <= version < below`; an unparsable version counts as inside (it cannot be shown to be safe). */
export function inRange(version: string, range: { from?: string; below: string }): boolean {
  const v = parseVersion(version);
  const below = parseVersion(range.below);
  const from = range.from ? parseVersion(range.from) : null;
  if (!v || !below || (range.from && !from)) return true;
  return compareVersions(v, below) < 0 && (!from || compareVersions(v, from) >= 0);
}
