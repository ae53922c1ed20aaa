/**
 * The bucket-policy generator, prefilled (the wizard's preflight and a failed export's details link here).
 * `accountId` is the exporting account's 12-digit id; it travels as `accountId=`, because `account=` in a page's
 * URL names the Logport account the page works in (the header's switcher). `options.scope` is that account: the
 * one that owns the bucket, where an admin applies the policy. `options.scenario` opens another scenario.
 */
export function generatorHref(
  bucket: string,
  region: string,
  accountId: string | null,
  prefix: string,
  options: { scope?: string; scenario?: 'central-archive' } = {},
): string {
  const q = new URLSearchParams({
    bucket,
    region,
    ...(options.scope ? { account: options.scope } : {}),
    ...(accountId ? { accountId } : {}),
    prefix,
    ...(options.scenario ? { scenario: options.scenario } : {}),
  });
  return `/bucket-policy?${q.toString()}`;
}
