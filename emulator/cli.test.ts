import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const AWS = '/usr/bin/aws';

function cliV2(): string | undefined {
  if (!existsSync(AWS)) return `${AWS} is not installed (apt-get install -y awscli)`;
  try {
    const version = execFileSync(AWS, ['--version'], { encoding: 'utf8' });
    return version.startsWith('aws-cli/2.') ? undefined : `${AWS} is not AWS CLI v2 (${version.trim()})`;
  } catch (err) {
    return `${AWS} --version failed: ${String(err)}`;
  }
}

const skipReason = cliV2();
if (skipReason) console.warn(`emulator/cli.test.ts skipped: ${skipReason}`);

describe('AWS CLI v2 against the emulator (the seed guide commands)', () => {
  it.skipIf(skipReason !== undefined)(
    'passes every step of emulator/cli-check.sh',
    () => {
      const script = fileURLToPath(new URL('./cli-check.sh', import.meta.url));
      const run = spawnSync('bash', [script], { encoding: 'utf8', timeout: 150_000 });
      const output = `${run.stdout}\n${run.stderr}`;
      expect(output, output).toMatch(/\d+ passed, 0 failed/);
      expect(run.status, output).toBe(0);
    },
    160_000,
  );
});
