import { describe, expect, it } from 'vitest';
import { formatPolicy, generateBucketPolicy, type PolicyProblem, parsePolicy } from './index';
import { locateJsonError } from './json-error';

function problems(text: string): PolicyProblem[] {
  const r = parsePolicy(text);
  if (r.ok) throw new Error('expected problems');
  expect(r.error).toEqual(r.problems[0]);
  return r.problems;
}
const codes = (text: string) => problems(text).map((p) => p.code);
const stmt = (s: object) => JSON.stringify({ Version: '2012-10-17', Statement: [s] });
const valid = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };

describe('parsePolicy: invalid JSON', () => {
  it.each([
    ['{\n  "Version": "2012-10-17",\n  x\n}', 3, 3, 'x'],
    ['{\n  "a": 1,\n}', 3, 1, '}'],
    ['{"a": [1, 2', 1, 12, ''],
    ['', 1, 1, ''],
    ['{"a": tru}', 1, 10, '}'],
    ['{"a": "x\ny"}', 1, 9, '\n'],
    ['{"a": 1} extra', 1, 10, 'e'],
    ['{\r\n  "a": 01\r\n}', 2, 9, '1'],
    ['{"a": "\\q"}', 1, 9, 'q'],
  ])('%j at line %i column %i', (text, line, column, found) => {
    const [p] = problems(text);
    expect(p).toMatchObject({ code: 'invalid-json', params: { line, column, found } });
  });

  it('the locator agrees with JSON.parse on valid text', () => {
    for (const text of ['{}', '[]', '0', '-1.5e+3', '"\\u00e9"', ' {"a":[true,false,null,{"b":""}]} ']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(locateJsonError(text)).toBeNull();
    }
  });

  it('ignores a byte-order mark', () => {
    expect(parsePolicy(`\uFEFF${stmt(valid)}`).ok).toBe(true);
  });
});

describe('parsePolicy: not a policy', () => {
  it('not an object', () => {
    expect(problems('[1]')).toEqual([{ code: 'not-an-object', params: { found: 'array' } }]);
    expect(problems('null')[0]?.params).toEqual({ found: 'null' });
    expect(problems('"x"')[0]?.params).toEqual({ found: 'string' });
  });

  it('Statement missing, wrong type or empty', () => {
    expect(codes('{"Version":"2012-10-17"}')).toEqual(['missing-statement']);
    expect(codes('{"Statement":"x"}')).toEqual(['statement-invalid-type']);
    expect(codes('{"Statement":[]}')).toEqual(['empty-statement']);
    expect(codes('{"Statement":[1]}')).toEqual(['statement-not-object']);
  });

  it('unknown Version, unknown fields', () => {
    expect(problems('{"Version":"2024-01-01","Statement":[]}')[0]).toEqual({
      code: 'unknown-version',
      params: { value: '2024-01-01', known: ['2012-10-17', '2008-10-17'] },
    });
    expect(problems(JSON.stringify({ Statement: [valid], Foo: 1 }))[0]).toEqual({
      code: 'unknown-field',
      params: { field: 'Foo' },
    });
    expect(problems(stmt({ ...valid, Sid: 'A', Actions: 'x' }))[0]).toEqual({
      code: 'unknown-field',
      params: { field: 'Actions', index: 0, sid: 'A', statement: 'A' },
    });
  });

  it('statement missing Effect, Action, Resource, Principal', () => {
    expect(problems(stmt({}))).toEqual([
      { code: 'missing-effect', params: { index: 0, statement: '#1' } },
      { code: 'missing-action', params: { index: 0, statement: '#1' } },
      { code: 'missing-resource', params: { index: 0, statement: '#1' } },
      { code: 'missing-principal', params: { index: 0, statement: '#1' } },
    ]);
    const { Principal: _p, ...identity } = valid;
    expect(parsePolicy(stmt(identity), { requirePrincipal: false }).ok).toBe(true);
    expect(parsePolicy(stmt({ ...identity, NotPrincipal: { AWS: '1' } })).ok).toBe(true);
  });

  it('bad Effect value, with the statement it is in', () => {
    const text = JSON.stringify({ Statement: [valid, { ...valid, Sid: 'Two', Effect: 'allow' }] });
    expect(problems(text)).toEqual([
      { code: 'bad-effect', params: { index: 1, sid: 'Two', statement: 'Two', value: '"allow"' } },
    ]);
  });

  it('wrong types', () => {
    const typeOf = (s: object) => problems(stmt(s)).map((p) => (p.code === 'wrong-type' ? p.params : p.code));
    expect(typeOf({ ...valid, Action: 5 })).toEqual([
      { field: 'Action', expected: 'string-or-string-array', index: 0, statement: '#1' },
    ]);
    expect(typeOf({ ...valid, Resource: [] })[0]).toMatchObject({ field: 'Resource' });
    expect(typeOf({ ...valid, Principal: 'logs.amazonaws.com' })[0]).toMatchObject({ expected: 'principal' });
    expect(typeOf({ ...valid, Condition: { StringEquals: 'x' } })[0]).toMatchObject({
      expected: 'condition',
    });
    expect(typeOf({ ...valid, Sid: 1 })[0]).toMatchObject({ field: 'Sid', expected: 'string' });
    expect(
      codes('{"Version":2012,"Statement":{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}}'),
    ).toEqual(['wrong-type']);
  });

  it('Action with NotAction conflict', () => {
    expect(problems(stmt({ ...valid, NotAction: 's3:*' }))[0]).toMatchObject({
      code: 'conflicting-fields',
      params: { field: 'Action', other: 'NotAction' },
    });
  });

  it('duplicate Sid names both statements', () => {
    const text = JSON.stringify({ Statement: [{ ...valid, Sid: 'A' }, valid, { ...valid, Sid: 'A' }] });
    expect(problems(text)).toEqual([
      { code: 'duplicate-sid', params: { index: 2, sid: 'A', statement: 'A', firstIndex: 0 } },
    ]);
  });

  it('reports every problem, the first as error', () => {
    expect(codes(JSON.stringify({ Statement: [{ Effect: 'Maybe' }, { ...valid, Action: 1 }] }))).toEqual([
      'bad-effect',
      'missing-action',
      'missing-resource',
      'missing-principal',
      'wrong-type',
    ]);
  });
});

describe('parsePolicy: valid', () => {
  it('round-trips a generated policy', () => {
    const policy = generateBucketPolicy({
      scenario: 'same-account',
      bucket: 'b-1',
      region: 'us-east-2',
      accountId: '111122223333',
    });
    expect(parsePolicy(formatPolicy(policy))).toEqual({ ok: true, policy });
  });

  it('normalizes a single Statement object to an array', () => {
    const r = parsePolicy(JSON.stringify({ Version: '2008-10-17', Statement: valid }));
    expect(r.ok && r.policy.Statement).toEqual([valid]);
  });

  it('accepts numbers and booleans in conditions', () => {
    const r = parsePolicy(
      stmt({
        ...valid,
        Condition: { Bool: { 'aws:SecureTransport': false }, NumericLessThan: { 'x:y': [1, 2] } },
      }),
    );
    expect(r.ok).toBe(true);
  });
});
