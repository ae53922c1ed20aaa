import { describe, expect, it } from 'vitest';
import { type GroupTags, needsTags, selectGroups } from './select';

const groups: GroupTags[] = [
  { name: '/app/web', tags: { archive: 'true', team: 'web' } },
  { name: '/app/api', tags: { archive: 'true' } },
  { name: '/app/worker', tags: null }, // tags not read yet
  { name: '/app/batch', tags: { archive: 'false' } },
  { name: '/ops/audit', tags: { archive: 'true' } },
  { name: '/app', tags: {} },
];

describe('selectGroups', () => {
  it('picks listed names that exist, sorted; a deleted group (absent from the list) is not selected', () => {
    expect(selectGroups({ names: ['/app/web', '/app/api', '/gone'] }, [], groups)).toEqual([
      '/app/api',
      '/app/web',
    ]);
    const afterDelete = groups.filter((g) => g.name !== '/app/api');
    expect(selectGroups({ names: ['/app/web', '/app/api'] }, [], afterDelete)).toEqual(['/app/web']);
  });

  it('picks by name prefix, case-sensitively and literally', () => {
    expect(selectGroups({ prefix: '/app/' }, [], groups)).toEqual([
      '/app/api',
      '/app/batch',
      '/app/web',
      '/app/worker',
    ]);
    expect(selectGroups({ prefix: '/APP/' }, [], groups)).toEqual([]);
    expect(selectGroups({ prefix: '/app' }, [], groups)).toContain('/app');
  });

  it('picks by tag only groups whose tags are known and equal', () => {
    expect(selectGroups({ tag: { key: 'archive', value: 'true' } }, [], groups)).toEqual([
      '/app/api',
      '/app/web',
      '/ops/audit',
    ]);
    // An empty value matches a tag whose value is empty, not a group without the tag.
    const withEmpty = [...groups, { name: '/x', tags: { archive: '' } }];
    expect(selectGroups({ tag: { key: 'archive', value: '' } }, [], withEmpty)).toEqual(['/x']);
    // Keys are case-sensitive; inherited object properties are not tags.
    expect(selectGroups({ tag: { key: 'Archive', value: 'true' } }, [], groups)).toEqual([]);
    expect(
      selectGroups({ tag: { key: 'constructor', value: 'function Object() { [native code] }' } }, [], groups),
    ).toEqual([]);
  });

  it('picks up a tagged group once its tags are read, and drops it when the tag goes', () => {
    const tag = { tag: { key: 'archive', value: 'true' } };
    const before = selectGroups(tag, [], groups);
    expect(before).not.toContain('/app/worker');
    const refreshed = groups.map((g) => (g.name === '/app/worker' ? { ...g, tags: { archive: 'true' } } : g));
    expect(selectGroups(tag, [], refreshed)).toContain('/app/worker');
    const untagged = refreshed.map((g) => (g.name === '/app/web' ? { ...g, tags: {} } : g));
    expect(selectGroups(tag, [], untagged)).not.toContain('/app/web');
  });

  it('lets the exclude list win over every kind of selection', () => {
    expect(selectGroups({ names: ['/app/web', '/app/api'] }, ['/app/web'], groups)).toEqual(['/app/api']);
    expect(selectGroups({ prefix: '/app/' }, ['/app/batch', '/app/worker'], groups)).toEqual([
      '/app/api',
      '/app/web',
    ]);
    expect(selectGroups({ tag: { key: 'archive', value: 'true' } }, ['/ops/audit'], groups)).toEqual([
      '/app/api',
      '/app/web',
    ]);
  });

  it('returns each group once, in code-unit order', () => {
    const dup = [...groups, { name: '/app/web', tags: null }, { name: '/app/Zed', tags: null }];
    expect(selectGroups({ prefix: '/app/' }, [], dup)).toEqual([
      '/app/Zed',
      '/app/api',
      '/app/batch',
      '/app/web',
      '/app/worker',
    ]);
  });

  it('says which selections need tags', () => {
    expect(needsTags({ tag: { key: 'a', value: 'b' } })).toBe(true);
    expect(needsTags({ prefix: '/a' })).toBe(false);
    expect(needsTags({ names: ['/a'] })).toBe(false);
  });
});
