'use client';

import { useTranslations } from 'next-intl';
import { CopyButton } from '@/components/ui/copy-button';
import {
  cancelExportTaskCommand,
  describeExportTasksCommand,
  downloadExportCommand,
} from '@/lib/export-tasks/cli';
import { isCancellable } from '@/lib/export-tasks/status';
import type { ExportTask } from '@/lib/export-tasks/types';

/** The AWS CLI commands for this task: describe always, cancel while AWS would accept it, download once done. */
export function CliCommands({ region, task }: { region: string; task: ExportTask }) {
  const { taskId, status } = task;
  const t = useTranslations('exports.detail');
  const commands = [
    {
      label: t('cliDescribe'),
      copy: t('copyDescribe'),
      text: describeExportTasksCommand(region, { taskId }),
    },
    ...(isCancellable(status)
      ? [{ label: t('cliCancel'), copy: t('copyCancel'), text: cancelExportTaskCommand(region, taskId) }]
      : []),
    ...(status === 'COMPLETED' && task.destinationPrefix !== null
      ? [
          {
            label: t('cliDownload'),
            copy: t('copyDownload'),
            text: downloadExportCommand(region, { ...task, destinationPrefix: task.destinationPrefix }),
          },
        ]
      : []),
  ];
  return (
    <section aria-labelledby="cli-title" className="space-y-3">
      <h2 id="cli-title" className="text-lg font-semibold">
        {t('cli')}
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('cliHint')}</p>
      {commands.map((c) => (
        <div key={c.text} className="space-y-1">
          <div className="flex items-center justify-between gap-2">
            <h3 className="text-sm font-medium">{c.label}</h3>
            <CopyButton text={c.text} label={c.copy} />
          </div>
          {/* Wrapped, not scrolled: a phone shows the whole command (the copy button copies it as one line). */}
          <pre
            className="whitespace-pre-wrap break-all rounded-md bg-slate-900 p-3 text-xs text-slate-100 dark:bg-black"
            data-testid="cli-command"
          >
            <code>{c.text}</code>
          </pre>
        </div>
      ))}
    </section>
  );
}
