import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATE,
  logGroupPath,
  PLACEHOLDERS,
  renderPrefix,
  type TemplateValues,
  templateProblems,
} from './template';
import { windowAt } from './windows';

const at = (s: string) => Date.parse(s);
const v: TemplateValues = {
  logGroup: '/app/api',
  account: '123456789012',
  region: 'ap-northeast-1',
  windowStart: at('2026-11-23T15:00:00Z'), // 2026-11-24 00:00 in Tokyo
  timeZone: 'Asia/Tokyo',
};

describe('logGroupPath', () => {
  it('keeps / as key separators, drops the leading one and collapses empty segments', () => {
    expect(logGroupPath('/app/api')).toBe('app/api');
    expect(logGroupPath('app/api')).toBe('app/api');
    expect(logGroupPath('//app///api//')).toBe('app/api');
    expect(logGroupPath('/aws/lambda/my-fn')).toBe('aws/lambda/my-fn');
    expect(logGroupPath('plain')).toBe('plain');
  });

  it('refuses . and .. segments but not dots inside a segment', () => {
    expect(logGroupPath('/app/../etc')).toBeNull();
    expect(logGroupPath('/app/./api')).toBeNull();
    expect(logGroupPath('..')).toBeNull();
    expect(logGroupPath('/.')).toBeNull();
    expect(logGroupPath('/app/..api/v1.2/...')).toBe('app/..api/v1.2/...');
  });

  it('keeps # and the other characters log group names allow', () => {
    expect(logGroupPath('/team#1/svc_a-b.c')).toBe('team#1/svc_a-b.c');
  });

  it('gives an empty path for a name made only of slashes', () => {
    expect(logGroupPath('/')).toBe('');
    expect(logGroupPath('///')).toBe('');
  });
});

describe('renderPrefix', () => {
  it('fills every placeholder from the window start in the rule zone', () => {
    const all = PLACEHOLDERS.map((p) => `{${p}}`).join('/');
    expect(renderPrefix(all, v)).toBe('app/api/123456789012/ap-northeast-1/2026/11/24/00');
    expect(renderPrefix(DEFAULT_TEMPLATE, v)).toBe('logs/app/api/2026/11/24');
    expect(renderPrefix('x-{yyyy}{mm}{dd}T{hh}', { ...v, windowStart: at('2026-01-05T03:00:00Z') })).toBe(
      'x-20260105T12',
    );
    expect(renderPrefix('{yyyy}/{mm}/{dd}', { ...v, timeZone: 'UTC' })).toBe('2026/11/23');
  });

  it('dates DST days right in New York and never shifts Tokyo', () => {
    const ny = { ...v, timeZone: 'America/New_York' };
    const hourly = (t: string) => ({ ...ny, windowStart: windowAt(at(t), 'hour', ny.timeZone).start });
    // Spring forward: the hour after 01:00 is 03:00.
    expect(renderPrefix('{dd}/{hh}', hourly('2026-03-08T06:30:00Z'))).toBe('08/01');
    expect(renderPrefix('{dd}/{hh}', hourly('2026-03-08T07:30:00Z'))).toBe('08/03');
    // Fall back: 01:00 twice, the same prefix (the task ids keep their keys apart).
    expect(renderPrefix('{dd}/{hh}', hourly('2026-11-01T05:30:00Z'))).toBe('01/01');
    expect(renderPrefix('{dd}/{hh}', hourly('2026-11-01T06:30:00Z'))).toBe('01/01');
    // A 23-hour and a 25-hour day start at local midnight.
    const daily = (t: string) => ({ ...ny, windowStart: windowAt(at(t), 'day', ny.timeZone).start });
    expect(renderPrefix('{yyyy}/{mm}/{dd}/{hh}', daily('2026-03-08T20:00:00Z'))).toBe('2026/03/08/00');
    expect(renderPrefix('{yyyy}/{mm}/{dd}/{hh}', daily('2026-11-01T20:00:00Z'))).toBe('2026/11/01/00');
    // The same instants in Tokyo: a plain +9 h.
    const tokyo = (t: string) => ({ ...v, windowStart: windowAt(at(t), 'day', 'Asia/Tokyo').start });
    expect(renderPrefix('{yyyy}/{mm}/{dd}/{hh}', tokyo('2026-03-08T20:00:00Z'))).toBe('2026/03/09/00');
    expect(renderPrefix('{yyyy}/{mm}/{dd}', tokyo('2026-12-31T15:00:00Z'))).toBe('2027/01/01');
  });

  it('never makes // or a leading / from odd names or templates', () => {
    expect(renderPrefix('logs/{logGroup}/', { ...v, logGroup: '//app//api/' })).toBe('logs/app/api');
    expect(renderPrefix('logs//{logGroup}', v)).toBe('logs/app/api');
    expect(renderPrefix('{logGroup}/{yyyy}', v)).toBe('app/api/2026');
    expect(renderPrefix('logs/{logGroup}/{dd}', { ...v, logGroup: '/' })).toBe('logs/24');
    expect(renderPrefix('  logs/{dd}  ', v)).toBe('logs/24');
  });

  it('refuses a log group whose name has . or .. segments', () => {
    expect(renderPrefix(DEFAULT_TEMPLATE, { ...v, logGroup: '/app/../../secrets' })).toBeNull();
    expect(renderPrefix(DEFAULT_TEMPLATE, { ...v, logGroup: '/app/.' })).toBeNull();
    // Only where {logGroup} is used: a template without it does not care.
    expect(renderPrefix('logs/{yyyy}', { ...v, logGroup: '/app/..' })).toBeNull();
  });

  it('never renders a . or .. segment, even when {logGroup} is empty next to dots', () => {
    // A group named '/' has no segments: '.{logGroup}' would leave '.', and '.{logGroup}.' '..'.
    expect(renderPrefix('logs/.{logGroup}/x', { ...v, logGroup: '/' })).toBeNull();
    expect(renderPrefix('logs/.{logGroup}./x', { ...v, logGroup: '//' })).toBeNull();
    expect(renderPrefix('logs/.{logGroup}/x', v)).toBe('logs/.app/api/x');
  });

  it('keeps # in keys', () => {
    expect(renderPrefix(DEFAULT_TEMPLATE, { ...v, logGroup: '/team#1/api' })).toBe(
      'logs/team#1/api/2026/11/24',
    );
  });

  it('falls back to exportedlogs when everything is empty, as CreateExportTask does', () => {
    expect(renderPrefix('{logGroup}', { ...v, logGroup: '/' })).toBe('exportedlogs');
  });

  it('refuses a prefix longer than a key allows, counting bytes', () => {
    const longGroup = `/${'a'.repeat(511)}`;
    const ok = renderPrefix(DEFAULT_TEMPLATE, { ...v, logGroup: longGroup });
    expect(ok?.length).toBe(5 + 511 + 11);
    expect(renderPrefix(`${'b'.repeat(400)}/{logGroup}`, { ...v, logGroup: longGroup })).toBeNull();
    expect(renderPrefix(`${'日'.repeat(300)}`, v)).not.toBeNull(); // 900 bytes
    expect(renderPrefix(`${'日'.repeat(300)}x`, v)).toBeNull(); // 901
  });
});

describe('templateProblems', () => {
  it('accepts the default and every placeholder', () => {
    expect(templateProblems(DEFAULT_TEMPLATE)).toEqual([]);
    expect(templateProblems(PLACEHOLDERS.map((p) => `{${p}}`).join('-'))).toEqual([]);
    expect(templateProblems('archive/{account}/{region}/{logGroup}/{yyyy}-{mm}-{dd}T{hh}')).toEqual([]);
  });

  it('names each problem with its message key', () => {
    expect(templateProblems('/logs/{logGroup}')).toEqual(['rules.errors.templateLeadingSlash']);
    expect(templateProblems('logs/{LogGroup}')).toEqual(['rules.errors.templateUnknownPlaceholder']);
    expect(templateProblems('logs/{}')).toEqual(['rules.errors.templateUnknownPlaceholder']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, typed as text.
    expect(templateProblems('logs/${aws:username}')).toEqual(['rules.errors.templateUnknownPlaceholder']);
    expect(templateProblems('logs/{logGroup')).toEqual(['rules.errors.templateBraces']);
    expect(templateProblems('logs/logGroup}')).toEqual(['rules.errors.templateBraces']);
    expect(templateProblems('logs/{{logGroup}}')).toEqual(['rules.errors.templateBraces']);
    expect(templateProblems('logs/../{logGroup}')).toEqual(['rules.errors.templateTraversal']);
    expect(templateProblems('./logs')).toEqual(['rules.errors.templateTraversal']);
    expect(templateProblems('logs/\u0007')).toEqual(['rules.errors.templateControlChars']);
    expect(templateProblems('logs/\u202e')).toEqual(['rules.errors.templateControlChars']);
    expect(templateProblems('logs/*')).toEqual(['rules.errors.templateWildcard']);
    expect(templateProblems('logs/?')).toEqual(['rules.errors.templateWildcard']);
    expect(templateProblems(`${'a'.repeat(901)}`)).toEqual(['rules.errors.templateTooLong']);
    expect(templateProblems(`${'a'.repeat(900)}`)).toEqual([]);
  });

  it('accepts dots inside segments and doubled slashes (collapsed when rendered)', () => {
    expect(templateProblems('logs/v1.2/..x/{logGroup}')).toEqual([]);
    expect(templateProblems('logs//{logGroup}')).toEqual([]);
  });

  it('reports several problems at once', () => {
    expect(templateProblems('/../*')).toEqual([
      'rules.errors.templateLeadingSlash',
      'rules.errors.templateTraversal',
      'rules.errors.templateWildcard',
    ]);
  });
});
