import { describe, expect, it } from 'vitest';
import { cancelInputSchema, parseListQuery } from './list-schema';

const q = (s: string) => parseListQuery(new URLSearchParams(s));

describe('list query', () => {
  it('accepts an empty query (the first page of everything)', () => {
    expect(q('')).toMatchObject({ success: true, data: {} });
  });

  it('reads every field and coerces the limit', () => {
    const r = q('region=us-east-2&status=RUNNING&taskId=abc-123&nextToken=tok&limit=20');
    expect(r.success && r.data).toEqual({
      region: 'us-east-2',
      status: 'RUNNING',
      taskId: 'abc-123',
      nextToken: 'tok',
      limit: 20,
    });
  });

  it('treats cleared filters as no filter', () => {
    const r = q('status=&taskId=%20%20&limit=');
    expect(r.success && r.data).toEqual({});
  });

  it('trims a pasted task id', () => {
    const r = q('taskId=%20abc%20');
    expect(r.success && r.data.taskId).toBe('abc');
  });

  it('refuses what AWS would refuse', () => {
    expect(q('status=DONE').success).toBe(false);
    expect(q('status=running').success).toBe(false);
    expect(q('limit=0').success).toBe(false);
    expect(q('limit=51').success).toBe(false);
    expect(q('limit=2.5').success).toBe(false);
    expect(q(`taskId=${'a'.repeat(513)}`).success).toBe(false);
    expect(q('taskId=a%20b').success).toBe(false);
  });
});

describe('cancel input', () => {
  it('needs a Region and a task id', () => {
    expect(cancelInputSchema.safeParse({ region: 'us-east-2', taskId: 'x' }).success).toBe(true);
    expect(cancelInputSchema.safeParse({ region: 'us-east-2' }).success).toBe(false);
    expect(cancelInputSchema.safeParse({ region: '', taskId: 'x' }).success).toBe(false);
    expect(cancelInputSchema.safeParse(null).success).toBe(false);
  });
});
