// Module imports, not '@/lib/policy': its index also loads the zod schema, which this page loads lazily.
import { resolveMembers } from '@/lib/policy/central-archive';
import { DEFAULT_EXPORTER_ROLE, exporterArn } from '@/lib/policy/names';
import { type GeneratorState, memberEntries } from './form-state';

/**
 * Whom the check panel checks by default: the exporting account and, when the bucket belongs to another
 * account, the identity that calls CreateExportTask (S3 checks it too). For the central archive, the first
 * member; for the cross-account scenarios, the user or role named; for one account, no caller.
 */
export function callerOf(state: GeneratorState): { accountId: string; caller: string } {
  if (state.scenario === 'central-archive') {
    try {
      const role = state.exporterRole.trim() || DEFAULT_EXPORTER_ROLE;
      const [first] = resolveMembers(memberEntries(state), state.partition, role);
      if (first) return { accountId: first.accountId, caller: first.exporter };
    } catch {
      // A member the form says is wrong: nothing to check with yet.
    }
    return { accountId: '', caller: '' };
  }
  const accountId = state.accountId.trim();
  const name = state.exporterName.trim();
  if (state.scenario === 'same-account' || !/^\d{12}$/.test(accountId) || name === '')
    return { accountId, caller: '' };
  const kind = state.scenario === 'cross-account-user' ? 'user' : 'role';
  return { accountId, caller: exporterArn(state.partition, accountId, kind, name) };
}
