/**
 * Sizes in binary units (B, KiB, MiB, GiB, TiB), everywhere in Logport. Binary because what people compare
 * these figures with counts in 1,024s: `aws s3 ls --human-readable` prints KiB/MiB, and CloudWatch's stored bytes
 * and S3 object sizes are shown 1,024-based in the consoles. Writing "KiB" rather than "KB" says which base it is.
 */
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f;
}

/** `1.5 MiB`; a missing size (a backend that did not say) is null, shown by the caller as "unknown". */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // 1023.96 KiB would read "1,024 KiB": move to the next unit instead.
  if (unit > 0 && unit < UNITS.length - 1 && Math.round(value * 10) / 10 >= 1024) {
    value /= 1024;
    unit++;
  }
  return `${numberFormat(locale, unit === 0 ? 0 : 1).format(value)} ${UNITS[unit]}`;
}
