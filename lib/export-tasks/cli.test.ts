import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  cancelExportTaskCommand,
  createExportTaskCommand,
  describeExportTasksCommand,
  downloadExportCommand,
  shellQuote,
} from './cli';

// What a POSIX shell makes of a quoted word: the test runs the real shell, so quoting mistakes fail here.
function shellWords(line: string): string[] {
  const out = execFileSync('/bin/sh', ['-c', `for a in ${line}; do printf '%s\\0' "$a"; done`], {
    encoding: 'utf8',
  });
  return out.split('\0').slice(0, -1);
}

describe('AWS CLI command text', () => {
  it('reproduces the guide’s create-export-task', () => {
    expect(
      createExportTaskCommand({
        region: 'us-east-2',
        taskName: 'my-log-group-09-10-2015',
        logGroupName: 'my-log-group',
        from: 1441490400000,
        to: 1441494000000,
        destination: 'my-exported-logs',
        destinationPrefix: 'export-task-output',
      }),
    ).toBe(
      'aws logs create-export-task --region us-east-2 --task-name my-log-group-09-10-2015 --log-group-name my-log-group --from 1441490400000 --to 1441494000000 --destination my-exported-logs --destination-prefix export-task-output',
    );
  });

  it('leaves out empty optional flags', () => {
    const text = createExportTaskCommand({
      region: 'us-east-2',
      logGroupName: '/aws/lambda/x',
      from: 1,
      to: 2,
      destination: 'b',
    });
    expect(text).not.toContain('--task-name');
    expect(text).not.toContain('--destination-prefix');
    expect(text).not.toContain('--log-stream-name-prefix');
  });

  it('quotes odd names so the shell sees exactly one word each', () => {
    for (const odd of [
      "it's",
      'a b',
      '$HOME',
      'x;rm -rf /',
      '#tag',
      'back\\slash',
      '"dq"',
      '`cmd`',
      'ログ',
      '',
    ]) {
      expect(shellWords(shellQuote(odd))).toEqual([odd]);
    }
    expect(shellQuote('=ls')).toBe("'=ls'");
    expect(shellQuote('a=b')).toBe('a=b');
  });

  it('builds describe and cancel commands', () => {
    expect(describeExportTasksCommand('us-east-2')).toBe('aws logs describe-export-tasks --region us-east-2');
    expect(describeExportTasksCommand('us-east-2', { taskId: 'abc', statusCode: 'FAILED' })).toBe(
      'aws logs describe-export-tasks --region us-east-2 --task-id abc --status-code FAILED',
    );
    expect(cancelExportTaskCommand('us-west-2', 'cda45419')).toBe(
      'aws logs cancel-export-task --region us-west-2 --task-id cda45419',
    );
  });

  it('downloads every file of an export, with the folder one shell word even for odd prefixes', () => {
    expect(
      downloadExportCommand('us-east-2', {
        destination: 'my-exported-logs',
        destinationPrefix: 'export-task-output',
        taskId: 'cda45419',
      }),
    ).toBe(
      'aws s3 cp --recursive --region us-east-2 s3://my-exported-logs/export-task-output/cda45419/ ./cda45419/',
    );
    const odd = downloadExportCommand('us-east-2', {
      destination: 'b',
      destinationPrefix: '/a b/$x/',
      taskId: 't',
    });
    expect(shellWords(odd).slice(6)).toEqual(['s3://b/a b/$x/t/', './t/']);
  });
});
