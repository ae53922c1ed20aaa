import 'server-only';
import { DEFAULT_ACCOUNT } from '@/lib/accounts/types';
import { REGION_PATTERN } from '@/lib/export-tasks/create-schema';
import { stsClient } from './clients';

export { REGION_PATTERN };

let sdkRegion: Promise<string> | undefined;

/** The Region the SDK's standard chain resolves (AWS_REGION, AWS_DEFAULT_REGION, profile), else us-east-1. */
export function sdkDefaultRegion(): Promise<string> {
  sdkRegion ??= (async () => {
    const fromEnv = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION;
    if (fromEnv) return fromEnv;
    try {
      return (
        (await stsClient({ account: DEFAULT_ACCOUNT, region: 'us-east-1' }).config.region()) || 'us-east-1'
      );
    } catch {
      return 'us-east-1';
    }
  })();
  return sdkRegion;
}

/** The Regions users may switch between: `LOGPORT_REGIONS` (comma-separated), default the SDK's Region. */
export async function configuredRegions(): Promise<string[]> {
  const listed = (process.env.LOGPORT_REGIONS ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter((r) => REGION_PATTERN.test(r));
  return listed.length > 0 ? [...new Set(listed)] : [await sdkDefaultRegion()];
}
