import 'server-only';
import { cookies } from 'next/headers';
import { REGION_PATTERN } from '@/lib/export-tasks/create-schema';
import { stsClient } from './clients';

export const REGION_COOKIE = 'logport-region';
export { REGION_PATTERN };

let sdkRegion: Promise<string> | undefined;

/** The Region the SDK's standard chain resolves (AWS_REGION, AWS_DEFAULT_REGION, profile), else us-east-1. */
export function sdkDefaultRegion(): Promise<string> {
  sdkRegion ??= (async () => {
    const fromEnv = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION;
    if (fromEnv) return fromEnv;
    try {
      return (await stsClient('us-east-1').config.region()) || 'us-east-1';
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

export async function isConfiguredRegion(region: unknown): Promise<boolean> {
  return typeof region === 'string' && (await configuredRegions()).includes(region);
}

/** The Region of this request: the user's choice (cookie) when it is one of the configured Regions. */
export async function currentRegion(): Promise<string> {
  const regions = await configuredRegions();
  const chosen = (await cookies()).get(REGION_COOKIE)?.value;
  return chosen && regions.includes(chosen) ? chosen : (regions[0] ?? 'us-east-1');
}

/** A Region given by a client (query string, action input): accepted only when configured. */
export async function resolveRegion(requested: string | null | undefined): Promise<string | null> {
  if (requested === null || requested === undefined || requested === '') return currentRegion();
  return (await isConfiguredRegion(requested)) ? requested : null;
}
