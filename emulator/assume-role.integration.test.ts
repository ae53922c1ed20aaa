import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  GetRoleCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import {
  AssumeRoleCommand,
  type AssumeRoleCommandInput,
  GetCallerIdentityCommand,
  type STSClient,
} from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountKey, failure, sleep, startWithClients } from './test-clients';

const CENTRAL = '123456789012';
const PROD = '111111111111';
const ROLE_ARN = `arn:aws:iam::${PROD}:role/LogportExporter`;

const trust = (principal: string, condition?: Record<string, unknown>) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: principal },
        Action: 'sts:AssumeRole',
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  });

let env: Awaited<ReturnType<typeof startWithClients>>;
let prod: ReturnType<typeof env.clientsAs>;
beforeAll(async () => {
  env = await startWithClients();
  prod = env.clientsAs(accountKey(PROD));
});
afterAll(() => env.emulator.close());

async function assume(input: Partial<AssumeRoleCommandInput> = {}, sts: STSClient = env.sts) {
  const out = await sts.send(
    new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'logport', ...input }),
  );
  const c = out.Credentials!;
  const credentials: AwsCredentialIdentity = {
    accessKeyId: c.AccessKeyId!,
    secretAccessKey: c.SecretAccessKey!,
    sessionToken: c.SessionToken!,
  };
  return { out, credentials, expiration: c.Expiration! };
}

describe('IAM roles', () => {
  it('creates a role with a trust policy and answers it URL-encoded from GetRole, as IAM does', async () => {
    const document = trust(`arn:aws:iam::${CENTRAL}:root`);
    const created = await prod.iam.send(
      new CreateRoleCommand({ RoleName: 'LogportExporter', AssumeRolePolicyDocument: document }),
    );
    expect(created.Role).toMatchObject({
      RoleName: 'LogportExporter',
      Arn: ROLE_ARN,
      Path: '/',
      MaxSessionDuration: 3600,
    });
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    const got = await prod.iam.send(new GetRoleCommand({ RoleName: 'LogportExporter' }));
    expect(got.Role?.AssumeRolePolicyDocument).toMatch(/^%7B%22Version%22%3A%222012-10-17%22%2C/);
    expect(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? '')).toBe(document);
    expect(got.Role?.CreateDate).toBeInstanceOf(Date);
  });

  it('answers IAM errors for duplicates, unknown roles, bad names and bad trust policies', async () => {
    const document = trust(CENTRAL);
    expect(
      await failure(
        prod.iam.send(
          new CreateRoleCommand({ RoleName: 'logportexporter', AssumeRolePolicyDocument: document }),
        ),
      ),
    ).toBe('EntityAlreadyExistsException: Role with name logportexporter already exists. (409)');
    // Roles belong to their account: the central account has none of that name.
    expect(await failure(env.iam.send(new GetRoleCommand({ RoleName: 'LogportExporter' })))).toBe(
      'NoSuchEntityException: The role with name LogportExporter cannot be found. (404)',
    );
    expect(
      await failure(
        prod.iam.send(new CreateRoleCommand({ RoleName: 'bad name', AssumeRolePolicyDocument: document })),
      ),
    ).toBe(
      "ValidationError: 1 validation error detected: Value 'bad name' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+ (400)",
    );
    expect(
      await failure(
        prod.iam.send(
          new CreateRoleCommand({
            RoleName: 'r',
            AssumeRolePolicyDocument: document,
            MaxSessionDuration: 60,
          }),
        ),
      ),
    ).toMatch(
      /Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600/,
    );
    const malformed = async (doc: string) =>
      failure(prod.iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: doc })));
    expect(await malformed('{"Statement": [')).toBe(
      'MalformedPolicyDocumentException: This policy contains invalid Json (400)',
    );
    expect(
      await malformed(
        JSON.stringify({
          Statement: [
            { Effect: 'Allow', Principal: { AWS: CENTRAL }, Action: 'sts:AssumeRole', Resource: '*' },
          ],
        }),
      ),
    ).toBe('MalformedPolicyDocumentException: Has prohibited field Resource (400)');
    expect(await malformed(trust('not-an-account'))).toBe(
      'MalformedPolicyDocumentException: Invalid principal in policy: "AWS":"not-an-account" (400)',
    );
  });

  it('deletes a role', async () => {
    await prod.iam.send(
      new CreateRoleCommand({ RoleName: 'Temporary', AssumeRolePolicyDocument: trust(CENTRAL) }),
    );
    await prod.iam.send(new DeleteRoleCommand({ RoleName: 'Temporary' }));
    expect(await failure(prod.iam.send(new DeleteRoleCommand({ RoleName: 'Temporary' })))).toMatch(
      /^NoSuchEntityException/,
    );
  });
});

describe('STS AssumeRole', () => {
  it('returns temporary credentials that act as the role, and GetCallerIdentity names the session', async () => {
    const before = Date.now();
    const { out, credentials, expiration } = await assume();
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials.sessionToken?.length).toBeGreaterThan(100);
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${PROD}:assumed-role/LogportExporter/logport`);
    expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z0-9]{17}:logport$/);
    // The default DurationSeconds is an hour.
    expect(expiration.getTime()).toBeGreaterThan(before + 3_595_000);
    expect(expiration.getTime()).toBeLessThanOrEqual(Date.now() + 3_600_000);
    const role = env.clientsAs(credentials);
    const who = await role.sts.send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({
      Account: PROD,
      Arn: `arn:aws:sts::${PROD}:assumed-role/LogportExporter/logport`,
    });
    expect(who.UserId).toBe(out.AssumedRoleUser?.AssumedRoleId);
    // What the role creates lives in its account.
    await role.logs.send(new CreateLogGroupCommand({ logGroupName: '/made/by/role' }));
    const seen = await prod.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/made/by/' }));
    expect(seen.logGroups?.map((g) => g.logGroupName)).toEqual(['/made/by/role']);
    const mine = await env.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/made/by/' }));
    expect(mine.logGroups).toEqual([]);
  });

  it('refuses a missing role, a trust policy that does not name the caller, and a wrong external id', async () => {
    const denied = (arn: string, caller = `arn:aws:iam::${CENTRAL}:user/sandbox`) =>
      `AccessDenied: User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${arn} (403)`;
    const missing = `arn:aws:iam::${PROD}:role/Nope`;
    expect(await failure(assume({ RoleArn: missing }))).toBe(denied(missing));
    const stranger = env.clientsAs(accountKey('333333333333'));
    expect(await failure(assume({}, stranger.sts))).toBe(
      denied(ROLE_ARN, 'arn:aws:iam::333333333333:user/sandbox'),
    );
    // A trust policy naming the caller's ARN itself, with an external id.
    await prod.iam.send(
      new CreateRoleCommand({
        RoleName: 'WithExternalId',
        AssumeRolePolicyDocument: trust(`arn:aws:iam::${CENTRAL}:user/sandbox`, {
          StringEquals: { 'sts:ExternalId': 'logport-7f3e' },
        }),
      }),
    );
    const arn = `arn:aws:iam::${PROD}:role/WithExternalId`;
    expect(await failure(assume({ RoleArn: arn }))).toBe(denied(arn));
    expect(await failure(assume({ RoleArn: arn, ExternalId: 'logport-0000' }))).toBe(denied(arn));
    expect((await assume({ RoleArn: arn, ExternalId: 'logport-7f3e' })).out.AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${PROD}:assumed-role/WithExternalId/logport`,
    );
    // Fixing the trust policy lets the stranger in.
    await prod.iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: 'LogportExporter',
        PolicyDocument: trust('333333333333'),
      }),
    );
    expect((await assume({}, stranger.sts)).out.AssumedRoleUser?.Arn).toMatch(/LogportExporter\/logport$/);
    await prod.iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: 'LogportExporter',
        PolicyDocument: trust(`arn:aws:iam::${CENTRAL}:root`),
      }),
    );
  });

  it('validates the request like STS', async () => {
    expect(await failure(assume({ RoleSessionName: 'x' }))).toBe(
      "ValidationError: 1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2 (400)",
    );
    expect(await failure(assume({ DurationSeconds: 899 }))).toMatch(
      /Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900/,
    );
    expect(await failure(assume({ DurationSeconds: 7200 }))).toBe(
      'ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role. (400)',
    );
    expect(await failure(assume({ ExternalId: 'has space' }))).toMatch(
      /at 'externalId' failed to satisfy constraint/,
    );
  });

  it('needs the session token with the credentials, and refuses them once expired', async () => {
    const { credentials } = await assume();
    const noToken = env.clientsAs({
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
    });
    expect(await failure(noToken.logs.send(new DescribeLogGroupsCommand({})))).toBe(
      'UnrecognizedClientException: The security token included in the request is invalid. (400)',
    );
    expect(await failure(noToken.sts.send(new GetCallerIdentityCommand({})))).toBe(
      'InvalidClientTokenId: The security token included in the request is invalid. (403)',
    );
    const wrongToken = env.clientsAs({ ...credentials, sessionToken: 'nope' });
    expect(await failure(wrongToken.s3.send(new ListBucketsCommand({})))).toMatch(
      /^InvalidToken: .* \(400\)$/,
    );

    // Short-lived credentials on demand, below AWS's 900 s minimum, for tests.
    expect(await env.admin('config', { assumeRoleMaxSeconds: 1 })).toMatchObject({ assumeRoleMaxSeconds: 1 });
    await env.admin('stats/reset', {});
    const short = await assume({ DurationSeconds: 900 });
    expect(short.expiration.getTime() - Date.now()).toBeLessThanOrEqual(1000);
    const role = env.clientsAs(short.credentials);
    await sleep(Math.max(0, short.expiration.getTime() - Date.now()) + 50);
    expect(await failure(role.logs.send(new DescribeLogGroupsCommand({})))).toBe(
      'ExpiredTokenException: The security token included in the request is expired (400)',
    );
    expect(await failure(role.sts.send(new GetCallerIdentityCommand({})))).toBe(
      'ExpiredToken: The security token included in the request is expired (403)',
    );
    expect(await failure(role.s3.send(new ListBucketsCommand({})))).toBe(
      'ExpiredToken: The provided token has expired. (400)',
    );
    expect(await env.admin('stats')).toMatchObject({ 'sts:AssumeRole': 1, 'auth:ExpiredToken': 3 });
    expect(await env.admin('config', { assumeRoleMaxSeconds: null })).not.toHaveProperty(
      'assumeRoleMaxSeconds',
    );
  });

  it('limits role chaining to an hour', async () => {
    await prod.iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: 'LogportExporter',
        PolicyDocument: JSON.stringify({
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: [`arn:aws:iam::${CENTRAL}:root`, PROD] },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
      }),
    );
    const first = await assume();
    const chained = env.clientsAs(first.credentials);
    expect(await failure(assume({ DurationSeconds: 3601 }, chained.sts))).toBe(
      'ValidationError: The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining. (400)',
    );
    expect((await assume({ RoleSessionName: 'chained' }, chained.sts)).out.AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${PROD}:assumed-role/LogportExporter/chained`,
    );
  });
});

describe('the SDK refreshes short credentials before they expire', () => {
  it('calls AssumeRole again once fewer than 5 minutes remain, and no request is refused', async () => {
    // 301 s credentials: the SDK treats them as due for refresh 300 s before Expiration, so after about 1 s.
    await env.admin('config', { assumeRoleMaxSeconds: 301 });
    await env.admin('stats/reset', {});
    const provider = async () => {
      const { credentials, expiration } = await assume();
      return { ...credentials, expiration };
    };
    const role = env.clientsAs(provider);
    let calls = 0;
    for (let i = 0; i < 200; i++) {
      await role.logs.send(new DescribeLogGroupsCommand({}));
      calls++;
      if (Number((await env.admin('stats'))['sts:AssumeRole'] ?? 0) >= 3) break;
      await sleep(100);
    }
    const stats = await env.admin('stats');
    expect(stats['sts:AssumeRole']).toBeGreaterThanOrEqual(3);
    // Fewer AssumeRole calls than requests: the SDK keeps credentials while they have time left.
    expect(stats['sts:AssumeRole']).toBeLessThan(calls);
    expect(stats['auth:ExpiredToken']).toBeUndefined();
    await env.admin('config', { assumeRoleMaxSeconds: null });
  }, 60_000);
});

describe('persistence of roles and sessions', () => {
  it('keeps roles and credentials across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'logport-emulator-iam-'));
    const stateFile = join(dir, 'state.json');
    try {
      const first = await startWithClients({ stateFile });
      const firstProd = first.clientsAs(accountKey(PROD));
      await firstProd.iam.send(
        new CreateRoleCommand({ RoleName: 'Kept', AssumeRolePolicyDocument: trust(CENTRAL) }),
      );
      const out = await first.sts.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${PROD}:role/Kept`,
          RoleSessionName: 'before-restart',
        }),
      );
      await first.emulator.close();
      const second = await startWithClients({ stateFile });
      const got = await second.clientsAs(accountKey(PROD)).iam.send(new GetRoleCommand({ RoleName: 'Kept' }));
      expect(got.Role?.Arn).toBe(`arn:aws:iam::${PROD}:role/Kept`);
      const c = out.Credentials!;
      const role = second.clientsAs({
        accessKeyId: c.AccessKeyId!,
        secretAccessKey: c.SecretAccessKey!,
        sessionToken: c.SessionToken!,
      });
      expect((await role.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
        `arn:aws:sts::${PROD}:assumed-role/Kept/before-restart`,
      );
      await second.emulator.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
