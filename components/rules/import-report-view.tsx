'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import type { ImportError, ImportReport } from './import-request';
import { useErrorText } from './use-error-text';

/** A field's name in words (a field the words do not know stays as written in the file). */
export function useFieldName() {
  const t = useTranslations('rules.import.fields');
  return (field: string) => (t.has(field as 'name') ? t(field as 'name') : field);
}

function Group({
  testId,
  title,
  names,
  children,
  open = true,
}: {
  testId: string;
  title: string;
  names: ReactNode[];
  children?: ReactNode;
  open?: boolean;
}) {
  return (
    <details open={open && names.length > 0} data-testid={testId} className="group">
      <summary className="cursor-pointer font-medium">{title}</summary>
      {names.length > 0 ? (
        <ul className="mt-1 ml-5 list-disc space-y-0.5 break-words">
          {names.map((n, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: names are unique in a report; the position is stable.
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
      {children}
    </details>
  );
}

/** Why one rule of the file is refused: its fields, or the checks that failed where it would run. */
function RuleProblem({ problem }: { problem: ImportError }) {
  const t = useTranslations('rules.import');
  const tr = useTranslations('rules');
  const tw = useTranslations('wizard.preflight.codes');
  const te = useTranslations('errors');
  const errorText = useErrorText();
  const fieldName = useFieldName();
  const lines: string[] = [];
  for (const [field, keys] of Object.entries(problem.fieldErrors ?? {}))
    lines.push(t('fieldProblem', { field: fieldName(field), problem: (errorText(keys) ?? []).join(' ') }));
  const failing = problem.preflight?.checks.filter((c) => c.verdict === 'fail') ?? [];
  if (failing.length > 0) {
    lines.push(
      t('preflightIn', {
        account: String(problem.params?.account ?? ''),
        region: String(problem.params?.region ?? ''),
      }),
    );
    for (const c of failing)
      lines.push(tw.has(c.code as 'bucketFound') ? tw(c.code as 'bucketFound', c.params) : c.code);
  }
  if (lines.length === 0)
    lines.push(
      problem.error === 'importConflict'
        ? tr('errors.importConflict')
        : te.has(problem.error as 'internal')
          ? te(problem.error as 'internal', problem.params)
          : te('internal'),
    );
  return (
    <li>
      <span className="font-medium">
        {problem.index > 0 ? t('ruleRefused', { name: problem.name, index: problem.index }) : problem.name}
      </span>
      <ul className="ml-5 list-[circle]">
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one problem, in a fixed order.
          <li key={i}>{line}</li>
        ))}
      </ul>
    </li>
  );
}

/** What a rules file would change (or changed): added, changed (with fields), unchanged, not in the file. */
export function ImportReportView({
  report,
  deleteMissing,
}: {
  report: ImportReport;
  /** The box "also delete the rules not in the file" as it is ticked now. */
  deleteMissing: boolean;
}) {
  const t = useTranslations('rules.import');
  const fieldName = useFieldName();
  const nothing =
    report.added.length === 0 &&
    report.changed.length === 0 &&
    (!deleteMissing || report.removed.length === 0);
  return (
    <div className="space-y-3" data-testid="import-report">
      {report.errors.length > 0 ? (
        <Alert tone="danger" title={t('refused')}>
          <ul className="space-y-1" data-testid="import-errors">
            {report.errors.map((e) => (
              <RuleProblem key={`${e.index}-${e.name}`} problem={e} />
            ))}
          </ul>
        </Alert>
      ) : null}
      <h3 className="font-semibold">{t('diffHeading')}</h3>
      <Group testId="import-added" title={t('added', { count: report.added.length })} names={report.added} />
      <Group
        testId="import-changed"
        title={t('changed', { count: report.changed.length })}
        names={report.changed.map((c) =>
          t('changedFields', { name: c.name, fields: c.fields.map(fieldName).join(', ') }),
        )}
      />
      <Group
        testId="import-unchanged"
        title={t('unchanged', { count: report.unchanged.length })}
        names={report.unchanged}
        open={false}
      />
      <Group
        testId="import-removed"
        title={t('removed', { count: report.removed.length })}
        names={report.removed}
      >
        {report.removed.length > 0 ? (
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            {deleteMissing ? t('removedDeleted') : t('removedKept')}
          </p>
        ) : null}
      </Group>
      {report.errors.length === 0 && nothing && !report.applied ? (
        <Alert tone="info">{t('nothingToDo')}</Alert>
      ) : null}
    </div>
  );
}
