import 'server-only';
import { type LogGroup as AwsLogGroup, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DEFAULT_ACCOUNT, type Scope } from '@/lib/accounts/types';
import { logsClient } from '@/lib/aws/clients';

export type LogGroupSummary = {
  name: string;
  storedBytes: number | null;
  retentionInDays: number | null;
  creationTime: number | null;
};

export type LogGroupPage = { groups: LogGroupSummary[]; nextToken: string | null };

/** DescribeLogGroups' pattern accepts only these characters (a substring match, case-insensitive). */
export const SEARCH_PATTERN = /^[.\-_/#A-Za-z0-9]*$/;

function toSummary(g: AwsLogGroup): LogGroupSummary {
  return {
    name: g.logGroupName ?? '',
    storedBytes: g.storedBytes ?? null,
    retentionInDays: g.retentionInDays ?? null,
    creationTime: g.creationTime ?? null,
  };
}

/**
 * One page of log groups whose name contains `pattern`, searched by AWS (logGroupNamePattern) so an account
 * with 10,000 groups costs one small call per page rather than a full listing.
 */
export async function searchLogGroups(query: {
  account?: string;
  region: string;
  pattern?: string;
  nextToken?: string;
  limit?: number;
}): Promise<LogGroupPage> {
  const out = await logsClient({ account: query.account ?? DEFAULT_ACCOUNT, region: query.region }).send(
    new DescribeLogGroupsCommand({
      logGroupNamePattern: query.pattern || undefined,
      nextToken: query.nextToken || undefined,
      limit: query.limit ?? 50,
    }),
  );
  return { groups: (out.logGroups ?? []).map(toSummary), nextToken: out.nextToken ?? null };
}

/** The named groups' details (for a reloaded wizard); names that do not exist are left out. */
export async function getLogGroups(scope: Scope, names: string[]): Promise<LogGroupSummary[]> {
  const found = await Promise.all(
    names.map(async (name) => {
      // The shortest name with this prefix is the name itself, so one result answers whether it exists.
      const out = await logsClient(scope).send(
        new DescribeLogGroupsCommand({ logGroupNamePrefix: name, limit: 1 }),
      );
      const g = out.logGroups?.[0];
      return g && g.logGroupName === name ? toSummary(g) : null;
    }),
  );
  return found.filter((g): g is LogGroupSummary => g !== null);
}
