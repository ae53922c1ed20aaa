import { describe, expect, it } from 'vitest';
import { placeLinks } from './links';

const prodWest = { account: 'prod', region: 'us-west-2' };

describe('overview links', () => {
  it('name the account and Region of the card they are on', () => {
    expect(placeLinks.history(prodWest)).toBe('/exports?account=prod&region=us-west-2');
    expect(placeLinks.queue(prodWest)).toBe('/queue?account=prod&region=us-west-2');
    expect(placeLinks.coverage(prodWest, 'a'.repeat(32))).toBe(
      `/coverage?account=prod&region=us-west-2&rule=${'a'.repeat(32)}`,
    );
  });

  it('keep a task id in the path, encoded', () => {
    expect(placeLinks.task(prodWest, 'ab/c d')).toBe('/exports/ab%2Fc%20d?account=prod&region=us-west-2');
  });
});
