import { describe, expect, it } from 'vitest';
import { isRole, roleAtLeast } from './roles';

describe('roles', () => {
  it('orders viewer < operator < admin', () => {
    expect(roleAtLeast('viewer', 'viewer')).toBe(true);
    expect(roleAtLeast('viewer', 'operator')).toBe(false);
    expect(roleAtLeast('operator', 'viewer')).toBe(true);
    expect(roleAtLeast('operator', 'admin')).toBe(false);
    expect(roleAtLeast('admin', 'operator')).toBe(true);
    expect(roleAtLeast('admin', 'admin')).toBe(true);
  });

  it('knows only the three roles', () => {
    expect(isRole('admin')).toBe(true);
    expect(isRole('Admin')).toBe(false);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
