'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { type DownloadKind, downloadName, mediaType, saveText } from './download';

/** One generated text with its copy and download buttons; `testId` lets e2e read exactly what is shown. */
export function CodeOutput({
  id,
  title,
  description,
  text,
  kind,
  bucket,
  children,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  text: string;
  kind: DownloadKind;
  bucket: string;
  children?: ReactNode;
}) {
  const t = useTranslations('policy');
  const name = downloadName(kind, bucket);
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h3>
        <div className="flex flex-wrap items-center gap-2">
          <CopyButton text={text} label={t('output.copy')} />
          <Button variant="secondary" size="sm" onClick={() => saveText(name, text, mediaType(kind))}>
            {t('output.download', { name })}
          </Button>
        </div>
      </div>
      {description ? <p className="text-sm text-slate-600 dark:text-slate-400">{description}</p> : null}
      {children}
      <pre
        data-testid={id}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: long code must be scrollable with the keyboard.
        tabIndex={0}
        className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-5 text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
      >
        {text}
      </pre>
    </section>
  );
}
