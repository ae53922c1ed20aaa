import { describe, expect, it } from 'vitest';
import { scopeFromUrl } from './scope-context';

const accounts = [
  { name: 'default', regions: ['us-east-2', 'us-west-2'] },
  { name: 'prod', regions: ['us-east-2', 'us-west-2'] },
  { name: 'staging', regions: ['us-east-2'] },
];
const rendered = { account: 'default', region: 'us-west-2' };
const url = (q: string) => new URLSearchParams(q);

describe('scopeFromUrl: the place a URL names, as the server would resolve it', () => {
  it('takes an account and Region the user has', () => {
    expect(scopeFromUrl(url('account=prod&region=us-west-2'), rendered, accounts)).toEqual({
      account: 'prod',
      region: 'us-west-2',
    });
  });

  it('keeps the Region when only the account is named and has it, else its first', () => {
    expect(scopeFromUrl(url('account=prod'), rendered, accounts)).toEqual({
      account: 'prod',
      region: 'us-west-2',
    });
    expect(scopeFromUrl(url('account=staging'), rendered, accounts)).toEqual({
      account: 'staging',
      region: 'us-east-2',
    });
  });

  it('keeps the account when only the Region is named', () => {
    expect(scopeFromUrl(url('region=us-east-2'), rendered, accounts)).toEqual({
      account: 'default',
      region: 'us-east-2',
    });
  });

  it('ignores a URL without a place, an account the user does not have, or a Region the account lacks', () => {
    expect(scopeFromUrl(url('q=x'), rendered, accounts)).toBeNull();
    expect(scopeFromUrl(url('account=secret&region=us-east-2'), rendered, accounts)).toBeNull();
    expect(scopeFromUrl(url('account=staging&region=us-west-2'), rendered, accounts)).toBeNull();
    // The bucket-policy page's old prefill put a 12-digit id in `account`: not a place.
    expect(scopeFromUrl(url('account=123456789012'), rendered, accounts)).toBeNull();
  });
});
