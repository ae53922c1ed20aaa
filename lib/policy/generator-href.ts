/** The bucket-policy generator, prefilled (the wizard's preflight and a failed export's details link here). */
export function generatorHref(
  bucket: string,
  region: string,
  account: string | null,
  prefix: string,
): string {
  const q = new URLSearchParams({ bucket, region, ...(account ? { account } : {}), prefix });
  return `/bucket-policy?${q.toString()}`;
}
