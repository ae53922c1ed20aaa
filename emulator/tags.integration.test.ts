import {
  CreateLogGroupCommand,
  DeleteLogGroupCommand,
  DescribeLogGroupsCommand,
  ListTagsForResourceCommand,
  ListTagsLogGroupCommand,
  TagLogGroupCommand,
  TagResourceCommand,
  UntagLogGroupCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startWithClients } from './test-clients';

let env: Awaited<ReturnType<typeof startWithClients>>;
beforeAll(async () => {
  env = await startWithClients();
});
afterAll(() => env.emulator.close());

const ARN = 'arn:aws:logs:us-east-2:123456789012:log-group:/app/tagged';

describe('log group tags', () => {
  it('takes tags at creation and lists them by the ARN without :*, which DescribeLogGroups gives', async () => {
    const { logs } = env;
    await logs.send(
      new CreateLogGroupCommand({ logGroupName: '/app/tagged', tags: { archive: 'true', team: 'payments' } }),
    );
    const group = (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/app/tagged' })))
      .logGroups?.[0];
    expect(group?.arn).toBe(`${ARN}:*`);
    expect(group?.logGroupArn).toBe(ARN);
    const listed = await logs.send(new ListTagsForResourceCommand({ resourceArn: group?.logGroupArn }));
    expect(listed.tags).toEqual({ archive: 'true', team: 'payments' });
  });

  it('adds, overwrites and removes tags by ARN', async () => {
    const { logs } = env;
    await logs.send(
      new TagResourceCommand({ resourceArn: ARN, tags: { team: 'core', 'cost-center': '42' } }),
    );
    expect((await logs.send(new ListTagsForResourceCommand({ resourceArn: ARN }))).tags).toEqual({
      archive: 'true',
      team: 'core',
      'cost-center': '42',
    });
    await logs.send(new UntagResourceCommand({ resourceArn: ARN, tagKeys: ['team', 'not-there'] }));
    expect((await logs.send(new ListTagsForResourceCommand({ resourceArn: ARN }))).tags).toEqual({
      archive: 'true',
      'cost-center': '42',
    });
  });

  it("refuses the ARN with :* as AWS does, and ARNs of groups that don't exist", async () => {
    const { logs } = env;
    expect(await failure(logs.send(new ListTagsForResourceCommand({ resourceArn: `${ARN}:*` })))).toBe(
      'ValidationException: Invalid resourceArn (400)',
    );
    expect(
      await failure(logs.send(new TagResourceCommand({ resourceArn: `${ARN}:*`, tags: { a: 'b' } }))),
    ).toBe('ValidationException: Invalid resourceArn (400)');
    expect(await failure(logs.send(new ListTagsForResourceCommand({ resourceArn: '/app/tagged' })))).toBe(
      'ValidationException: Invalid resourceArn (400)',
    );
    const missing = 'arn:aws:logs:us-east-2:123456789012:log-group:/app/missing';
    expect(await failure(logs.send(new ListTagsForResourceCommand({ resourceArn: missing })))).toBe(
      'ResourceNotFoundException: The specified log group does not exist. (400)',
    );
    // The same group's ARN in another Region names another (missing) group.
    const west = ARN.replace('us-east-2', 'us-west-2');
    expect(await failure(logs.send(new ListTagsForResourceCommand({ resourceArn: west })))).toMatch(
      /^ResourceNotFoundException/,
    );
  });

  it('validates keys, values and counts against the API model', async () => {
    const { logs } = env;
    expect(
      await failure(logs.send(new TagResourceCommand({ resourceArn: ARN, tags: { 'bad*key': 'v' } }))),
    ).toBe(
      "InvalidParameterException: 1 validation error detected: Value '{bad*key=v}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$] (400)",
    );
    expect(
      await failure(logs.send(new TagResourceCommand({ resourceArn: ARN, tags: { k: 'x'.repeat(257) } }))),
    ).toMatch(/Map value must satisfy constraint: \[Member must have length less than or equal to 256\]/);
    expect(
      await failure(
        logs.send(new TagResourceCommand({ resourceArn: ARN, tags: { ['k'.repeat(129)]: 'v' } })),
      ),
    ).toMatch(/Map keys must satisfy constraint: \[Member must have length less than or equal to 128\]/);
    expect(await failure(logs.send(new TagResourceCommand({ resourceArn: ARN, tags: {} })))).toMatch(
      /at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1/,
    );
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(await failure(logs.send(new TagResourceCommand({ resourceArn: ARN, tags: many })))).toMatch(
      /Member must have length less than or equal to 50/,
    );
    // 49 new keys fit the model but not the 50-tag limit with the two already there.
    const fortyNine = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`n${i}`, 'v']));
    expect(await failure(logs.send(new TagResourceCommand({ resourceArn: ARN, tags: fortyNine })))).toMatch(
      /^TooManyTagsException/,
    );
    // Unicode letters, spaces and the model's punctuation are fine; so is an empty value.
    await logs.send(new TagResourceCommand({ resourceArn: ARN, tags: { 'チーム name:x/y=z+@': '' } }));
    expect((await logs.send(new ListTagsForResourceCommand({ resourceArn: ARN }))).tags).toMatchObject({
      'チーム name:x/y=z+@': '',
    });
    expect(
      await failure(logs.send(new CreateLogGroupCommand({ logGroupName: 'x', tags: { 'a*': 'b' } }))),
    ).toMatch(/^InvalidParameterException: 1 validation error detected: Value '\{a\*=b\}' at 'tags'/);
  });

  it('answers the deprecated TagLogGroup, UntagLogGroup and ListTagsLogGroup by name', async () => {
    const { logs } = env;
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'legacy' }));
    expect((await logs.send(new ListTagsLogGroupCommand({ logGroupName: 'legacy' }))).tags).toEqual({});
    await logs.send(
      new TagLogGroupCommand({ logGroupName: 'legacy', tags: { archive: 'false', env: 'dev' } }),
    );
    await logs.send(new UntagLogGroupCommand({ logGroupName: 'legacy', tags: ['env'] }));
    expect((await logs.send(new ListTagsLogGroupCommand({ logGroupName: 'legacy' }))).tags).toEqual({
      archive: 'false',
    });
    // Both APIs see the same tags.
    const arn = 'arn:aws:logs:us-east-2:123456789012:log-group:legacy';
    expect((await logs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({
      archive: 'false',
    });
    expect(await failure(logs.send(new UntagLogGroupCommand({ logGroupName: 'legacy', tags: [] })))).toMatch(
      /at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1/,
    );
    expect(await failure(logs.send(new ListTagsLogGroupCommand({ logGroupName: 'nope' })))).toBe(
      'ResourceNotFoundException: The specified log group does not exist. (400)',
    );
    // A deleted and recreated group starts without tags.
    await logs.send(new DeleteLogGroupCommand({ logGroupName: 'legacy' }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'legacy' }));
    expect((await logs.send(new ListTagsLogGroupCommand({ logGroupName: 'legacy' }))).tags).toEqual({});
  });

  it('keeps tags per account', async () => {
    const other = env.clientsAs({ accessKeyId: '210987654321', secretAccessKey: 's' });
    await other.logs.send(new CreateLogGroupCommand({ logGroupName: '/app/tagged', tags: { mine: 'yes' } }));
    const otherArn = 'arn:aws:logs:us-east-2:210987654321:log-group:/app/tagged';
    expect((await other.logs.send(new ListTagsForResourceCommand({ resourceArn: otherArn }))).tags).toEqual({
      mine: 'yes',
    });
    // Another account's ARN is not found from here.
    expect(await failure(env.logs.send(new ListTagsForResourceCommand({ resourceArn: otherArn })))).toMatch(
      /^ResourceNotFoundException/,
    );
  });
});
