'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type ChangeEvent, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { ImportReportView, useFieldName } from './import-report-view';
import { IMPORT_MAX_BYTES, type ImportAnswer, type ImportReport, sendImport } from './import-request';
import { ruleKeys } from './queries';
import { useErrorText } from './use-error-text';

type Checked = { text: string; report: ImportReport };

/**
 * "Import rules…" (admins): choose a rules file or paste its JSON, see what it would change (a dry run on the
 * server: the schema, the names, the accounts and the preflight of every rule it adds or changes), tick whether
 * rules not in the file go too, then apply. The server applies all of it or nothing.
 */
export function ImportRules() {
  const t = useTranslations('rules.import');
  const te = useTranslations('errors');
  const errorText = useErrorText();
  const fieldName = useFieldName();
  const client = useQueryClient();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [deleteMissing, setDeleteMissing] = useState(false);
  const [busy, setBusy] = useState<'check' | 'apply' | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [problem, setProblem] = useState<string[] | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);

  function reset(next: string) {
    setText(next);
    setChecked(null);
    setProblem(null);
    setDone(null);
  }

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) {
      reset('');
      setProblem([t('fileTooLarge', { maxKb: Math.floor(IMPORT_MAX_BYTES / 1024) })]);
      return;
    }
    reset(await file.text());
  }

  /** The answer as words when it is not a report (the file as a whole, or the request, was refused). */
  function problemOf(answer: Exclude<ImportAnswer, { kind: 'report' }>): string[] {
    if (answer.kind === 'unreadable') return [t('readFailed')];
    if (answer.kind === 'file')
      return Object.entries(answer.fieldErrors).map(([field, keys]) =>
        t('fieldProblem', { field: fieldName(field), problem: (errorText(keys) ?? []).join(' ') }),
      );
    return [
      te.has(answer.error as 'internal') ? te(answer.error as 'internal', answer.params) : te('internal'),
    ];
  }

  async function run(dryRun: boolean) {
    setBusy(dryRun ? 'check' : 'apply');
    setProblem(null);
    const sent = text;
    const answer = await sendImport(sent, { dryRun, deleteMissing });
    setBusy(null);
    if (answer.kind !== 'report') {
      setChecked(null);
      setProblem(problemOf(answer));
      return;
    }
    if (!dryRun && answer.report.applied) {
      setDone(answer.report);
      setChecked(null);
      await client.invalidateQueries({ queryKey: ruleKeys.all });
      await client.invalidateQueries({ queryKey: ['coverage'] });
      router.refresh();
      return;
    }
    setChecked({ text: sent, report: answer.report });
  }

  const report = done ?? checked?.report ?? null;
  const canApply =
    checked !== null &&
    checked.text === text &&
    checked.report.errors.length === 0 &&
    (checked.report.added.length > 0 ||
      checked.report.changed.length > 0 ||
      (deleteMissing && checked.report.removed.length > 0));
  const fileId = `${id}-file`;
  const pasteId = `${id}-paste`;
  const deleteId = `${id}-delete`;

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="import-rules-open">
        {t('open')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('title')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('close')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => run(true)}
              disabled={busy !== null || text.trim() === ''}
              data-testid="import-check"
            >
              {busy === 'check' ? t('checking') : t('check')}
            </Button>
            <Button
              onClick={() => run(false)}
              disabled={busy !== null || !canApply}
              data-testid="import-apply"
            >
              {busy === 'apply' ? t('applying') : t('apply')}
            </Button>
          </>
        }
      >
        <div className="space-y-4">
          <p className="text-slate-600 dark:text-slate-400">{t('intro')}</p>
          <Field id={fileId} label={t('fileLabel')}>
            <input
              id={fileId}
              type="file"
              accept="application/json,.json"
              onChange={onFile}
              className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm dark:file:border-slate-600 dark:file:bg-slate-800 dark:file:text-slate-100"
            />
          </Field>
          <Field id={pasteId} label={t('pasteLabel')}>
            <textarea
              id={pasteId}
              rows={8}
              className={`${inputClass} font-mono text-xs`}
              value={text}
              onChange={(e) => reset(e.target.value)}
              spellCheck={false}
            />
          </Field>
          <label htmlFor={deleteId} className="flex items-start gap-2">
            <input
              id={deleteId}
              type="checkbox"
              className="mt-0.5 h-4 w-4 accent-brand-600"
              checked={deleteMissing}
              onChange={(e) => setDeleteMissing(e.target.checked)}
              disabled={done !== null}
            />
            <span>
              <span className="font-medium">{t('deleteMissing')}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                {t('deleteMissingHint')}
              </span>
            </span>
          </label>
          <div aria-live="polite" className="space-y-3">
            {busy ? (
              <p className="text-slate-600 dark:text-slate-400">
                {busy === 'check' ? t('checking') : t('applying')}
              </p>
            ) : null}
            {problem ? (
              <Alert tone="danger">
                <ul className="space-y-1" data-testid="import-problem">
                  {problem.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            {done ? (
              <Alert tone="success">
                {done.added.length + done.changed.length + (done.deleteMissing ? done.removed.length : 0) ===
                0
                  ? t('doneNothing')
                  : t('done', {
                      added: done.added.length,
                      changed: done.changed.length,
                      removed: done.deleteMissing ? done.removed.length : 0,
                    })}
              </Alert>
            ) : null}
            {report && !busy ? (
              <ImportReportView
                report={report}
                deleteMissing={report.applied ? report.deleteMissing : deleteMissing}
              />
            ) : null}
          </div>
        </div>
      </Dialog>
    </>
  );
}
