import type { Selection } from './types';

/** A log group as the scheduler knows it: its name and its tags (null: not read yet). */
export type GroupTags = { name: string; tags: Record<string, string> | null };

/**
 * The log groups a rule exports, from the groups that exist now (the list is re-read every tick, so a new
 * matching group is picked up and a deleted one drops out). A named group that does not exist is not selected;
 * a tag rule matches only groups whose tags are known and carry exactly that value; the exclude list always
 * wins. Sorted by code unit (not locale) so every tick and every replica sees the same order.
 */
export function selectGroups(
  selection: Selection,
  exclude: readonly string[],
  groups: readonly GroupTags[],
): string[] {
  const excluded = new Set(exclude);
  const matches = matcher(selection);
  const out = new Set<string>();
  for (const g of groups) {
    if (!excluded.has(g.name) && matches(g)) out.add(g.name);
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function matcher(selection: Selection): (g: GroupTags) => boolean {
  if ('names' in selection) {
    const names = new Set(selection.names);
    return (g) => names.has(g.name);
  }
  if ('prefix' in selection) {
    const { prefix } = selection;
    return (g) => g.name.startsWith(prefix);
  }
  const { key, value } = selection.tag;
  return (g) => g.tags !== null && Object.hasOwn(g.tags, key) && g.tags[key] === value;
}

/** True when the rule picks groups by tag, so the scheduler must have their tags before it can select. */
export function needsTags(selection: Selection): boolean {
  return 'tag' in selection;
}
