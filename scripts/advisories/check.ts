import { inRange } from './semver';
import { ADVISORIES, type Advisory, LINES } from './table';

export type Installed = { pkg: string; version: string; path: string };
export type Finding = { installed: Installed; reason: string; fix: string };

type Lock = { lockfileVersion?: number; packages?: Record<string, { version?: string }> };

/** Every installed copy (nested ones too) of the packages the table tracks, from package-lock.json v2/v3. */
export function installedFromLock(lock: Lock, packages: Iterable<string>): Installed[] {
  const wanted = new Set(packages);
  const out: Installed[] = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    const at = path.lastIndexOf('node_modules/');
    if (at === -1 || !entry.version) continue;
    const pkg = path.slice(at + 'node_modules/'.length);
    if (wanted.has(pkg)) out.push({ pkg, version: entry.version, path });
  }
  return out;
}

export function trackedPackages(advisories: Advisory[] = ADVISORIES): string[] {
  return [...new Set([...Object.keys(LINES), ...advisories.map((a) => a.pkg)])];
}

/** What is wrong with the installed versions: each copy inside an advisory's range, or outside its line. */
export function findings(
  installed: Installed[],
  advisories: Advisory[] = ADVISORIES,
  lines: Record<string, { from: string; below: string }> = LINES,
): Finding[] {
  const out: Finding[] = [];
  for (const copy of installed) {
    const line = lines[copy.pkg];
    if (line && !inRange(copy.version, line))
      out.push({
        installed: copy,
        reason: `outside the tracked line ${line.from} – <${line.below}: its advisories are not in the table`,
        fix: `use ${copy.pkg} ${line.from} or later on that line, or extend scripts/advisories/table.ts`,
      });
    for (const a of advisories) {
      if (a.pkg !== copy.pkg || !inRange(copy.version, a)) continue;
      out.push({
        installed: copy,
        reason: `${a.id}${a.cve ? ` (${a.cve})` : ''}: ${a.title}`,
        fix: `upgrade ${copy.pkg} to ${a.below} or later`,
      });
    }
  }
  return out;
}
