import 'server-only';
import * as z from 'zod/mini';
import type { Caller } from '@/lib/auth/require-role';
import { transaction } from '@/lib/db';
import { fieldErrorsOf } from '@/lib/export-tasks/create-schema';
import { diffRules, duplicateNames, summarize } from './import-diff';
import { IE, MAX_IMPORT_RULES, RULES_FILE_VERSION, ruleNameKey, rulesFileText } from './import-file';
import type { ImportError, ImportReport } from './import-types';

import { type ParsedRuleInput, ruleInputSchema } from './schema';
import {
  afterRulesWritten,
  isUniqueViolation,
  type PreparedRule,
  prepareRule,
  removeRule,
  ruleEditableBy,
  ruleVisibleTo,
  writeRule,
} from './service';
import { listRuleRows } from './store';

/**
 * Rules as files (issue 13): export every rule the caller may see as one JSON file, and apply such a file.
 *
 * An import is all or nothing. First every rule of the file is read with the one rule schema, then every rule
 * that would be added or changed goes through prepareRule (the same checks as a save: the name, the accounts the
 * caller may reach, the preflight per account and Region). Any problem, in any rule, and nothing is written: the
 * answer names each refused rule with its field errors or its preflight. Only then are all the changes written in
 * ONE transaction, each with its usual activity entry (`via: 'import'`). Rules the file leaves unchanged are not
 * written at all (no activity, no scheduler wake-up), so applying the same file twice changes nothing the second
 * time. Rules not in the file are deleted only with `deleteMissing`, and only the ones the caller may change (a
 * rule that also runs in an account they cannot reach is left alone).
 */

const requestSchema = z.strictObject({
  version: z.optional(z.literal(RULES_FILE_VERSION, { error: IE.version })),
  rules: z
    .array(z.unknown(), { error: IE.notAFile })
    .check(z.maxLength(MAX_IMPORT_RULES, { error: IE.tooMany })),
  deleteMissing: z._default(z.boolean({ error: 'wizard.errors.invalidValue' }), false),
  dryRun: z._default(z.boolean({ error: 'wizard.errors.invalidValue' }), false),
});

export type ImportResult =
  | { ok: true; report: ImportReport }
  | { ok: false; error: 'invalidInput'; fieldErrors: Record<string, string[]> };

function nameOf(raw: unknown, index: number): string {
  const name = (raw as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : `#${index + 1}`;
}

/** A few rules are checked at a time: each runs its preflight in every account and Region it covers. */
const PREPARE_AT_ONCE = 3;

export async function importRules(caller: Caller, body: unknown): Promise<ImportResult> {
  const request = requestSchema.safeParse(body);
  if (!request.success)
    return { ok: false, error: 'invalidInput', fieldErrors: fieldErrorsOf(request.error, IE.notAFile) };
  const { rules: raw, deleteMissing, dryRun } = request.data;

  // 1. Every rule against the one schema, and no name twice.
  const errors: ImportError[] = [];
  const parsed: Array<{ index: number; input: ParsedRuleInput; raw: unknown }> = [];
  raw.forEach((entry, index) => {
    const result = ruleInputSchema.safeParse(entry);
    if (result.success) parsed.push({ index, input: result.data as ParsedRuleInput, raw: entry });
    else
      errors.push({
        index: index + 1,
        name: nameOf(entry, index),
        error: 'invalidInput',
        fieldErrors: fieldErrorsOf(result.error),
      });
  });
  const twice = duplicateNames(parsed.map((p) => p.input.name));
  for (const p of parsed)
    if (twice.has(ruleNameKey(p.input.name)))
      errors.push({
        index: p.index + 1,
        name: p.input.name,
        error: 'invalidInput',
        fieldErrors: { name: [IE.duplicateName] },
      });
  const valid = parsed.filter((p) => !twice.has(ruleNameKey(p.input.name)));

  // 2. The diff against the rules this caller may change.
  const all = await listRuleRows();
  const editable = all.filter((r) => ruleEditableBy(r, caller.accounts));
  const diff = diffRules(
    valid.map((p) => p.input),
    editable,
  );
  // Report indexes are the file's, not the valid subset's.
  const items = diff.items.map((item) => ({ ...item, index: valid[item.index]?.index ?? item.index }));
  const removed = diff.removed;

  // 3. Every rule to add or change through the save's own checks (a rule named like one the caller may not
  // change is refused there: its name is taken, or its accounts are out of reach).
  const toWrite = items.filter((i) => i.kind !== 'unchanged');
  const prepared: PreparedRule[] = [];
  for (let i = 0; i < toWrite.length; i += PREPARE_AT_ONCE) {
    const batch = toWrite.slice(i, i + PREPARE_AT_ONCE);
    const results = await Promise.all(
      batch.map((item) =>
        prepareRule(
          caller,
          valid.find((p) => p.index === item.index)?.raw,
          item.kind === 'changed' ? item.before.id : undefined,
        ),
      ),
    );
    results.forEach((result, j) => {
      const item = batch[j];
      if (!item) return;
      if (result.ok) prepared.push(result.data);
      else
        errors.push({
          index: item.index + 1,
          name: item.input.name,
          error: result.error,
          ...(result.params ? { params: result.params } : {}),
          ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}),
          ...(result.preflight ? { preflight: result.preflight } : {}),
        });
    });
  }
  errors.sort((a, b) => a.index - b.index);

  const report: ImportReport = {
    ...summarize({ items, removed }),
    deleteMissing,
    dryRun,
    applied: false,
    errors,
  };
  if (errors.length > 0 || dryRun) return { ok: true, report };

  // 4. All or nothing: one transaction for every write and deletion.
  const deleting = deleteMissing ? removed : [];
  if (prepared.length > 0 || deleting.length > 0) {
    try {
      await transaction(async () => {
        for (const p of prepared) await writeRule(caller, p, { via: 'import' });
        for (const r of deleting) await removeRule(caller, r, { via: 'import' });
      });
    } catch (err) {
      // Someone saved a rule of the same name while the file was checked: nothing of the file was written.
      if (!isUniqueViolation(err)) throw err;
      return { ok: true, report: { ...report, errors: [{ index: 0, name: '', error: 'importConflict' }] } };
    }
    await afterRulesWritten(prepared);
  }
  return { ok: true, report: { ...report, applied: true } };
}

/** The rules file of every rule the caller may see. */
export async function exportRulesFile(caller: Caller): Promise<string> {
  const rules = (await listRuleRows()).filter((r) => ruleVisibleTo(r, caller.accounts));
  return rulesFileText(rules);
}

/**
 * The HTTP status of a report (so `curl --fail` in CI stops on a refused file): 200 when it went through or would,
 * 400 when a rule is invalid, 409 when someone saved a rule meanwhile, 422 when the checks refused a rule.
 */
export function reportStatus(report: ImportReport): number {
  if (report.errors.length === 0) return 200;
  if (report.errors.some((e) => e.error === 'invalidInput')) return 400;
  return report.errors.some((e) => e.error === 'importConflict') ? 409 : 422;
}

/** The report's refusal in the API's error shape (`error` beside the report), or nothing when it went through. */
export function reportError(report: ImportReport): string | undefined {
  if (report.errors.length === 0) return undefined;
  if (report.errors.some((e) => e.error === 'invalidInput')) return 'invalidInput';
  return report.errors.some((e) => e.error === 'importConflict') ? 'importConflict' : 'importRefused';
}
