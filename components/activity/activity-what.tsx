import { getTranslations } from 'next-intl/server';
import type { ActivityEntry } from '@/lib/audit';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Every placeholder an error message may use, from what the entry recorded (absent ones stay empty). */
function errorParams(d: Record<string, unknown>, target: string | null, bucket: string | null) {
  const recorded =
    typeof d.errorParams === 'object' && d.errorParams !== null
      ? (d.errorParams as Record<string, unknown>)
      : {};
  const params: Record<string, string> = {
    bucket: bucket ?? '',
    logGroup: str(d.logGroup) ?? str(d.logGroupName) ?? '',
    taskName: str(d.taskName) ?? target ?? '',
    taskId: '',
    name: '',
  };
  for (const [k, v] of Object.entries(recorded))
    if (typeof v === 'string' || typeof v === 'number') params[k] = String(v);
  return params;
}

/** The "what" of an entry in words: its target, and the details that matter for its kind of action. */
export async function ActivityWhat({ entry }: { entry: ActivityEntry }) {
  const t = await getTranslations('activity');
  const te = await getTranslations('errors');
  const d = entry.detail ?? {};
  const lines: string[] = [];
  if (entry.action === 'queue.enqueue') {
    const groups = Array.isArray(d.logGroups)
      ? d.logGroups.filter((g): g is string => typeof g === 'string')
      : [];
    lines.push(t('enqueued', { count: Number(d.jobs ?? 0), groups: groups.join(', ') }));
  } else {
    const name = str(d.taskName);
    if (name && name !== entry.target) lines.push(name);
    // The queue records `logGroup`, the wizard `logGroupName`.
    const group = str(d.logGroup) ?? str(d.logGroupName);
    if (group) lines.push(group);
  }
  const bucket = str(d.destination);
  if (bucket) lines.push(t('toBucket', { bucket }));
  if (entry.action === 'settings.change' && str(d.from) && str(d.to)) {
    lines.push(t('setting', { name: entry.target ?? '', from: String(d.from), to: String(d.to) }));
  }
  const notes = [
    d.via === 'queue' ? t('viaQueue') : null,
    d.adopted === true ? t('adopted') : null,
    d.recovered === true ? t('recovered') : null,
  ].filter(Boolean);
  const error = str(d.error);
  return (
    <div className="space-y-0.5">
      {entry.target && entry.action !== 'settings.change' ? (
        <p className="break-all font-mono text-xs">{entry.target}</p>
      ) : null}
      {lines.map((line) => (
        <p key={line} className="break-words">
          {line}
        </p>
      ))}
      {notes.length > 0 || entry.region ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {[entry.region ? t('region', { region: entry.region }) : null, ...notes]
            .filter(Boolean)
            .join(' · ')}
        </p>
      ) : null}
      {error ? (
        <p className="text-xs text-red-800 dark:text-red-300">
          {t('errorCode', {
            reason: te.has(error) ? te(error, errorParams(d, entry.target, bucket)) : error,
          })}
        </p>
      ) : null}
    </div>
  );
}
