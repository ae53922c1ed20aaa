'use client';

import { useTranslations } from 'next-intl';
import { destinationText } from '@/lib/export-tasks/table-state';
import type { ExportTask } from '@/lib/export-tasks/types';
import { useFormat } from '@/lib/format/use-format';
import { durationMessage } from './duration';

/** A missing value from a backend that is not quite AWS: said in words, never a blank cell. */
export function Unknown() {
  const t = useTranslations('exports');
  return <span className="italic text-slate-500 dark:text-slate-400">{t('unknown')}</span>;
}

export function When({ ms }: { ms: number | null }) {
  const f = useFormat();
  if (ms === null) return <Unknown />;
  return (
    <time dateTime={new Date(ms).toISOString()} title={f.utc(ms)} className="block">
      {f.dateTime(ms)}
    </time>
  );
}

export function Destination({ task }: { task: ExportTask }) {
  return task.destination ? <>{destinationText(task)}</> : <Unknown />;
}

/** "Took 4 min 12 s" for a finished task, "Running for …" for an active one (needs the ticking clock). */
export function Timing({ task, now }: { task: ExportTask; now: number | null }) {
  const t = useTranslations('exports');
  if (task.completedAt !== null) {
    const took = task.createdAt === null ? null : durationMessage(task.completedAt - task.createdAt);
    return (
      <>
        <When ms={task.completedAt} />
        {took ? (
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {t('took', { duration: t(took.key, took.values) })}
          </span>
        ) : null}
      </>
    );
  }
  if (task.createdAt === null) return <Unknown />;
  if (now === null) return <span className="text-slate-500">{t('notFinished')}</span>;
  const d = durationMessage(now - task.createdAt);
  return (
    <span className="whitespace-nowrap text-xs">{t('runningFor', { duration: t(d.key, d.values) })}</span>
  );
}
