'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, inputClass } from '@/components/ui/field';
import { timeZones } from './format';

/**
 * An IANA time zone: typed with the browser's list of zones as suggestions, or UTC or the browser's own zone in
 * one click. Used by the wizard's range and the rules form; the label, hint and errors come from a Field.
 */
export function TimeZoneInput({
  id,
  value,
  onChange,
  onBlur,
  invalid,
}: {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  onBlur?: () => void;
  invalid: boolean;
}) {
  const t = useTranslations('wizard');
  const [zones, setZones] = useState<string[]>([]);
  const [browserZone, setBrowserZone] = useState('');
  useEffect(() => {
    setZones(timeZones());
    setBrowserZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  }, []);
  return (
    <div className="flex flex-wrap gap-2">
      <input
        id={id}
        list={`${id}-list`}
        className={`${inputClass} max-w-xs`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy(id, { hint: true, error: invalid })}
      />
      <datalist id={`${id}-list`}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <Button variant="secondary" onClick={() => onChange('UTC')} disabled={value === 'UTC'}>
        {t('range.useUtc')}
      </Button>
      {browserZone && browserZone !== 'UTC' ? (
        <Button variant="ghost" onClick={() => onChange(browserZone)} disabled={value === browserZone}>
          {t('range.useBrowser', { zone: browserZone })}
        </Button>
      ) : null}
    </div>
  );
}
