import { saveRule } from '../lib/rules/service';
import { listRuleRows } from '../lib/rules/store';

/**
 * The sandbox's demo rule, so a newcomer sees /coverage fill at once: the seeded log groups tagged archive=true,
 * daily windows in UTC, no settle delay (the sample data is already there), the last two days backfilled, into
 * logport-exports (its policy lets CloudWatch Logs write). Saved through the same service as the form, preflight
 * included. Run by scripts/sandbox.ts before the server starts, against the sandbox's data folder and emulator:
 *
 *   node --conditions=react-server --import tsx scripts/sandbox-rule.ts
 */
export const DEMO_RULE = 'demo-daily-archive';

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function main(): Promise<void> {
  const region = process.env.AWS_REGION || 'us-east-2';
  if ((await listRuleRows({ region })).some((r) => r.name === DEMO_RULE)) return;
  const result = await saveRule(
    { name: 'sandbox', role: 'admin' },
    {
      name: DEMO_RULE,
      region,
      logGroups: { tag: { key: 'archive', value: 'true' } },
      bucket: 'logport-exports',
      prefixTemplate: 'logs/{logGroup}/{yyyy}/{mm}/{dd}',
      every: 'day',
      timeZone: 'UTC',
      settleMinutes: 0,
      backfillFrom: daysAgo(2),
      enabled: true,
    },
  );
  if (!result.ok) throw new Error(`the demo rule was refused: ${result.error}`);
  console.log(`Demo rule ${DEMO_RULE} created: coverage fills on /coverage in the first minutes.`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
