'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Button } from './button';

/**
 * Copies `text`, says "Copied" (announced to screen readers), and where the clipboard API is refused
 * (plain HTTP, permissions) falls back to selecting the text in a hidden textarea and execCommand('copy'),
 * and finally to telling the user how to copy by hand.
 */
export function CopyButton({
  text,
  label,
  className = '',
}: {
  text: string;
  label?: string;
  className?: string;
}) {
  const t = useTranslations('common');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    let done = false;
    try {
      await navigator.clipboard.writeText(text);
      done = true;
    } catch {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      try {
        done = document.execCommand('copy');
      } catch {
        done = false;
      }
      area.remove();
    }
    setState(done ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), done ? 2_000 : 8_000);
  }

  return (
    <span className={`inline-flex items-center gap-2 ${className}`}>
      <Button variant="secondary" size="sm" onClick={copy} aria-label={label ?? t('copy')}>
        {state === 'copied' ? `✓ ${t('copied')}` : (label ?? t('copy'))}
      </Button>
      <span
        aria-live="polite"
        className={state === 'failed' ? 'text-xs text-red-700 dark:text-red-300' : 'sr-only'}
      >
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </span>
  );
}
