'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, inputClass } from '@/components/ui/field';
import { isStatusCode } from '@/lib/export-tasks/status';
import { EMPTY_VIEW, isFiltered, type TableView } from '@/lib/export-tasks/table-state';
import { STATUS_CODES } from '@/lib/export-tasks/types';

type TextField = 'group' | 'dest' | 'q' | 'taskId';

/**
 * Status applies at once; every text field applies as you type, after a short pause. Log group, destination
 * and search look at the loaded rows; the task id asks AWS once it is a whole id (AWS matches ids exactly),
 * and part of an id looks at the loaded rows.
 */
export function FiltersBar({
  view,
  onChange,
}: {
  view: TableView;
  onChange: (next: Partial<TableView>) => void;
}) {
  const t = useTranslations('exports.filters');
  const ts = useTranslations('exports.status');
  const id = useId();
  const [text, setText] = useState({
    group: view.group,
    dest: view.dest,
    q: view.q,
    taskId: view.taskId ?? '',
  });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Typed text not yet in the address bar, per field: moving on to another field within the pause must not
  // drop what was typed in the first.
  const pending = useRef<Partial<Record<TextField, string>>>({});

  // Follow the address bar when it changes from elsewhere (Clear filters, back/forward): each field on its
  // own, and not while its typing has yet to reach the address bar.
  const follow = useCallback((field: TextField, value: string) => {
    if (pending.current[field] !== undefined) return;
    setText((s) => (s[field] === value ? s : { ...s, [field]: value }));
  }, []);
  useEffect(() => follow('group', view.group), [follow, view.group]);
  useEffect(() => follow('dest', view.dest), [follow, view.dest]);
  useEffect(() => follow('q', view.q), [follow, view.q]);
  useEffect(() => follow('taskId', view.taskId ?? ''), [follow, view.taskId]);
  useEffect(() => () => clearTimeout(timer.current), []);

  function typeText(field: TextField, value: string) {
    setText((s) => ({ ...s, [field]: value }));
    pending.current = { ...pending.current, [field]: value.trim() };
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, 250);
  }
  function flush() {
    clearTimeout(timer.current);
    const { taskId, ...changes } = pending.current;
    pending.current = {};
    if (Object.keys(changes).length === 0 && taskId === undefined) return;
    onChange(taskId === undefined ? changes : { ...changes, taskId: taskId || null });
  }

  const field = (name: Exclude<TextField, 'taskId'>, hint?: string) => (
    <div className="min-w-40 flex-1 space-y-1">
      <label htmlFor={`${id}-${name}`} className="block text-sm font-medium">
        {t(name)}
      </label>
      <input
        id={`${id}-${name}`}
        type="search"
        value={text[name]}
        onChange={(e) => typeText(name, e.target.value)}
        aria-describedby={describedBy(`${id}-${name}`, { hint: Boolean(hint) })}
        className={inputClass}
        autoComplete="off"
      />
      {hint ? (
        <p id={`${id}-${name}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );

  return (
    <search
      aria-label={t('legend')}
      className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-40 space-y-1">
          <label htmlFor={`${id}-status`} className="block text-sm font-medium">
            {t('status')}
          </label>
          <select
            id={`${id}-status`}
            value={view.status ?? ''}
            onChange={(e) => onChange({ status: isStatusCode(e.target.value) ? e.target.value : null })}
            className={inputClass}
            data-testid="filter-status"
          >
            <option value="">{t('anyStatus')}</option>
            {STATUS_CODES.map((code) => (
              <option key={code} value={code}>
                {ts(code)}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-56 flex-1 space-y-1">
          <label htmlFor={`${id}-taskId`} className="block text-sm font-medium">
            {t('taskId')}
          </label>
          <input
            id={`${id}-taskId`}
            type="search"
            value={text.taskId}
            onChange={(e) => typeText('taskId', e.target.value)}
            onKeyDown={(e) => {
              // Enter applies at once, without waiting for the pause.
              if (e.key === 'Enter') flush();
            }}
            aria-describedby={`${id}-taskId-hint`}
            className={`${inputClass} font-mono`}
            spellCheck={false}
            autoComplete="off"
          />
          <p id={`${id}-taskId-hint`} className="text-xs text-slate-600 dark:text-slate-400">
            {t('taskIdHint')}
          </p>
        </div>
        {field('group')}
        {field('dest')}
        {field('q', t('qHint'))}
        {isFiltered(view) ? (
          <div className="self-end pb-0.5">
            <Button
              variant="ghost"
              onClick={() => {
                clearTimeout(timer.current);
                pending.current = {};
                setText({ group: '', dest: '', q: '', taskId: '' });
                onChange({ ...EMPTY_VIEW, sort: view.sort });
              }}
              data-testid="clear-filters"
            >
              {t('clear')}
            </Button>
          </div>
        ) : null}
      </div>
    </search>
  );
}
