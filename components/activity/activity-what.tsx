import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ActivityEntry } from '@/lib/audit';
import { getFormat } from '@/lib/format/server';
import { describeActivity, type Formatters, type Line } from './describe';

const STYLE: Record<NonNullable<Line['kind']> | 'plain', string> = {
  plain: 'break-words',
  mono: 'break-all font-mono text-xs',
  muted: 'text-xs text-slate-600 dark:text-slate-400',
  error: 'text-xs text-red-800 dark:text-red-300',
};

/** The page's formatters for describeActivity (lib/format, the one formatting module). */
export async function activityFormatters(): Promise<Formatters> {
  const f = await getFormat();
  const list = new Intl.ListFormat(f.locale, { type: 'conjunction', style: 'narrow' });
  return { range: f.range, dateTime: (ms) => f.dateTime(ms, 'auto'), list: (items) => list.format(items) };
}

/** The "what" of an entry in words: its target and the details of its kind of action, with links. */
export async function ActivityWhat({ entry, formatters }: { entry: ActivityEntry; formatters: Formatters }) {
  const t = await getTranslations('activity');
  const te = await getTranslations('errors');
  const lines = describeActivity(entry, t, te, formatters);
  return (
    <div className="space-y-0.5">
      {lines.map((line, i) => (
        // Lines of one entry can repeat (two equal notes); their order never changes.
        // biome-ignore lint/suspicious/noArrayIndexKey: a static list rendered once on the server
        <p key={i} className={STYLE[line.kind ?? 'plain']}>
          {line.href ? (
            <Link href={line.href} className="underline" prefetch={false}>
              {line.text}
            </Link>
          ) : (
            line.text
          )}
        </p>
      ))}
    </div>
  );
}
