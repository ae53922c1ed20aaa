import { CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recommendedPolicy } from '@/emulator/seed';
import { startWithClients } from '@/emulator/test-clients';
import { makeTempDataDir } from '@/lib/queue/test-support';

// Rules as files against the emulator: the real service (schema, accounts, preflight over the SDK), the real store.
const env = await startWithClients({ seed: true });
Object.assign(process.env, {
  AWS_ENDPOINT_URL: env.emulator.url,
  AWS_REGION: 'us-east-2',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  LOGPORT_REGIONS: 'us-east-2',
});
makeTempDataDir();
const { saveRule, deleteRule, listRules } = await import('./service');
const { importRules, exportRulesFile } = await import('./import');
const { listActivity } = await import('@/lib/audit');
const { getDb } = await import('@/lib/db');

const ADMIN = { name: 'ada', role: 'admin' as const };
const BUCKET = 'import-it-archive';
/** A bucket whose policy does not let CloudWatch Logs write: the preflight refuses rules that use it. */
const CLOSED = 'import-it-closed';
const GROUPS = ['/import-it/api', '/import-it/worker'];

/** The scheduler wake-ups the service asks for (the account's worker, as the server registers it). */
let wakeUps = 0;
(globalThis as unknown as { logportQueueWorkers?: Map<string, unknown> }).logportQueueWorkers = new Map([
  [
    'default',
    {
      scheduleNow: () => {
        wakeUps += 1;
        return Promise.resolve(0);
      },
    },
  ],
]);

const base = {
  region: 'us-east-2',
  bucket: BUCKET,
  prefixTemplate: 'logs/{logGroup}/{yyyy}/{mm}/{dd}',
  backfillFrom: '2026-01-01',
};
const SEED = [
  { ...base, name: 'Nightly', logGroups: { names: GROUPS } },
  { ...base, name: 'hourly-api', every: 'hour', settleMinutes: 30, logGroups: { names: [GROUPS[0]] } },
  { ...base, name: 'by-prefix', enabled: false, logGroups: { prefix: '/import-it/' }, exclude: [GROUPS[1]] },
];

type FileShape = { version: number; rules: Array<Record<string, unknown>> };
const fileOf = async (): Promise<FileShape> => JSON.parse(await exportRulesFile(ADMIN)) as FileShape;
/** Activity entries of this test made by an import (newer than the mark set before each test). */
let mark = 0;
const importsNow = async () =>
  (await listActivity({ limit: 200 })).filter((a) => a.id > mark && a.detail?.via === 'import');
async function ruleRows() {
  const db = await getDb();
  return db
    .selectFrom('rules')
    .select(['id', 'name', 'updated_at', 'definition'])
    .orderBy('name_key')
    .execute();
}
async function clearRules(): Promise<void> {
  for (const view of await listRules()) await deleteRule(ADMIN, view.rule.id);
}
async function seed(): Promise<void> {
  for (const input of SEED) {
    const saved = await saveRule(ADMIN, input);
    if (!saved.ok) throw new Error(`seed ${input.name}: ${JSON.stringify(saved)}`);
  }
}
const apply = (body: unknown) => importRules(ADMIN, body);
async function reportOf(body: unknown) {
  const result = await apply(body);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.report;
}

beforeAll(async () => {
  await env.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await env.s3.send(
    new PutBucketPolicyCommand({
      Bucket: BUCKET,
      Policy: recommendedPolicy(BUCKET, 'us-east-2', '123456789012'),
    }),
  );
  await env.s3.send(new CreateBucketCommand({ Bucket: CLOSED }));
  for (const name of GROUPS) await env.logs.send(new CreateLogGroupCommand({ logGroupName: name }));
});

beforeEach(async () => {
  await clearRules();
  mark = (await listActivity({ limit: 1 }))[0]?.id ?? 0;
});

afterAll(async () => {
  await env.emulator.close();
});

describe('rules as files against the emulator', () => {
  it('an exported file imported into an empty store creates the same rules, and applied again changes nothing', async () => {
    await seed();
    const text = await exportRulesFile(ADMIN);
    const before = await ruleRows();
    await clearRules();
    expect(await ruleRows()).toEqual([]);

    wakeUps = 0;
    const first = await reportOf(JSON.parse(text));
    expect(first).toMatchObject({
      added: ['by-prefix', 'hourly-api', 'Nightly'],
      changed: [],
      unchanged: [],
      removed: [],
      applied: true,
      errors: [],
    });
    // The same definitions (new ids), and the same file out again.
    const after = await ruleRows();
    expect(after.map((r) => [r.name, r.definition])).toEqual(before.map((r) => [r.name, r.definition]));
    expect(await exportRulesFile(ADMIN)).toBe(text);
    const created = await importsNow();
    expect(created.filter((a) => a.action === 'rule.create')).toHaveLength(3);
    // Two enabled rules in one account: the scheduler is woken, once per account.
    expect(wakeUps).toBe(1);

    // Twice: everything unchanged, nothing written, no activity, no scheduler wake-up.
    wakeUps = 0;
    const second = await reportOf(JSON.parse(text));
    expect(second).toMatchObject({
      added: [],
      changed: [],
      unchanged: ['by-prefix', 'hourly-api', 'Nightly'],
      removed: [],
      applied: true,
      errors: [],
    });
    expect(await ruleRows()).toEqual(after);
    expect(await importsNow()).toHaveLength(created.length);
    expect(wakeUps).toBe(0);
  });

  it('an edited file changes only what was edited (which fields), by name without regard to case', async () => {
    await seed();
    const file = await fileOf();
    const nightly = file.rules.find((r) => r.name === 'Nightly');
    if (!nightly) throw new Error('no Nightly');
    nightly.name = 'nightly';
    nightly.settleMinutes = 60;
    // Defaults left out by hand count as the default, not as a change (hourly-api has none of its own here).
    const hourly = file.rules.find((r) => r.name === 'hourly-api') ?? {};
    delete hourly.behindAfterMinutes;
    delete hourly.enabled;
    const idsBefore = new Map((await ruleRows()).map((r) => [r.name.toLowerCase(), r.id]));

    const dry = await reportOf({ ...file, dryRun: true });
    expect(dry).toMatchObject({
      changed: [{ name: 'nightly', fields: ['name', 'settleMinutes'] }],
      unchanged: ['by-prefix', 'hourly-api'],
      applied: false,
    });
    expect((await ruleRows()).map((r) => r.name)).toEqual(['by-prefix', 'hourly-api', 'Nightly']);

    const done = await reportOf(file);
    expect(done.applied).toBe(true);
    const rows = await ruleRows();
    expect(rows.map((r) => r.name)).toEqual(['by-prefix', 'hourly-api', 'nightly']);
    // The same rule (its id, ledger and checkpoints), changed in place.
    expect(rows.find((r) => r.name === 'nightly')?.id).toBe(idsBefore.get('nightly'));
    const update = (await importsNow()).find((a) => a.action === 'rule.update');
    expect(update).toMatchObject({
      target: 'nightly',
      detail: { via: 'import', changed: ['name', 'settleMinutes'] },
    });
  });

  it('a file with one invalid rule applies nothing and names the rule and its field', async () => {
    await seed();
    const rowsBefore = await ruleRows();
    const file = await fileOf();
    file.rules.push({ ...file.rules[0], name: 'new-one' });
    (file.rules[1] as Record<string, unknown>).settleMinutes = -5;
    file.rules.push({ ...file.rules[0], name: 'NEW-ONE' });

    const report = await reportOf(file);
    expect(report.applied).toBe(false);
    expect(report.errors).toEqual([
      {
        index: 2,
        name: 'hourly-api',
        error: 'invalidInput',
        fieldErrors: { settleMinutes: ['rules.errors.settleInvalid'] },
      },
      {
        index: 4,
        name: 'new-one',
        error: 'invalidInput',
        fieldErrors: { name: ['rules.errors.importDuplicateName'] },
      },
      {
        index: 5,
        name: 'NEW-ONE',
        error: 'invalidInput',
        fieldErrors: { name: ['rules.errors.importDuplicateName'] },
      },
    ]);
    expect(await ruleRows()).toEqual(rowsBefore);
    expect(await importsNow()).toEqual([]);
  });

  it('a rule the preflight refuses blocks the whole file: nothing of it is applied, and the refusal says why', async () => {
    await seed();
    const rowsBefore = await ruleRows();
    const file = await fileOf();
    (file.rules[0] as Record<string, unknown>).settleMinutes = 5; // a valid change…
    file.rules.push({ ...file.rules[0], name: 'to-closed', bucket: CLOSED }); // …and a rule that cannot work
    const report = await reportOf(file);
    expect(report.added).toEqual(['to-closed']);
    expect(report.changed.map((c) => c.name)).toEqual(['by-prefix']);
    expect(report.applied).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({
      index: 4,
      name: 'to-closed',
      error: 'preflightFailed',
      params: { account: 'default', region: 'us-east-2' },
      preflight: { ok: false },
    });
    expect(report.errors[0]?.preflight?.checks.some((c) => c.id === 'policy' && c.verdict === 'fail')).toBe(
      true,
    );
    expect(await ruleRows()).toEqual(rowsBefore);
  });

  it('rules not in the file are listed as removed, and deleted only with deleteMissing', async () => {
    await seed();
    const file = await fileOf();
    file.rules = file.rules.filter((r) => r.name !== 'hourly-api');

    const kept = await reportOf(file);
    expect(kept).toMatchObject({ removed: ['hourly-api'], deleteMissing: false, applied: true });
    expect((await ruleRows()).map((r) => r.name)).toContain('hourly-api');
    expect(await importsNow()).toEqual([]);

    const dry = await reportOf({ ...file, deleteMissing: true, dryRun: true });
    expect(dry).toMatchObject({ removed: ['hourly-api'], applied: false });
    expect((await ruleRows()).map((r) => r.name)).toContain('hourly-api');

    const deleted = await reportOf({ ...file, deleteMissing: true });
    expect(deleted).toMatchObject({ removed: ['hourly-api'], deleteMissing: true, applied: true });
    expect((await ruleRows()).map((r) => r.name)).toEqual(['by-prefix', 'Nightly']);
    expect(await importsNow()).toMatchObject([
      { action: 'rule.delete', target: 'hourly-api', detail: { via: 'import' } },
    ]);
  });

  it('an admin limited to other accounts deletes nothing of the default account’s rules', async () => {
    await seed();
    const limited = { ...ADMIN, accounts: ['staging'] };
    const result = await importRules(limited, { rules: [], deleteMissing: true });
    expect(result.ok && result.report).toMatchObject({ removed: [], applied: true });
    expect(await ruleRows()).toHaveLength(3);
    // And it may not see them in its export either.
    expect(JSON.parse(await exportRulesFile(limited))).toEqual({ version: 1, rules: [] });
  });

  it('a body that is not a rules file is refused with what to fix', async () => {
    expect(await apply({ rules: 'nope' })).toEqual({
      ok: false,
      error: 'invalidInput',
      fieldErrors: { rules: ['rules.errors.importNotAFile'] },
    });
    expect(await apply({ version: 2, rules: [] })).toMatchObject({
      fieldErrors: { version: ['rules.errors.importVersion'] },
    });
    expect(await apply([])).toMatchObject({ ok: false, error: 'invalidInput' });
    expect(await apply({ rules: [], deleteMising: true })).toMatchObject({
      ok: false,
      error: 'invalidInput',
    });
  });
});
