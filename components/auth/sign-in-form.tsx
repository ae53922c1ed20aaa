'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { type SignInFailure, signInWithPassword, signInWithProvider } from '@/lib/auth/client';

const ERROR_KEYS: Record<string, string> = {
  CredentialsSignin: 'errorCredentials',
  AccessDenied: 'errorAccessDenied',
  NoAccounts: 'errorNoAccounts',
  SessionRequired: 'errorSessionExpired',
};

type Shown = { key: string; seconds?: number; wrongPassword?: boolean };

/** What to say for a failure; too many attempts (429) says how long to wait, in seconds or minutes. */
function shownFor(failure: SignInFailure): Shown {
  if (failure.error === 'SignInLocked') {
    const seconds = Math.max(1, Math.round(failure.retryAfter ?? 1));
    return {
      key: seconds >= 60 ? 'errorLocked' : 'errorSlowDown',
      seconds,
      wrongPassword: failure.wrongPassword,
    };
  }
  return { key: ERROR_KEYS[failure.error] ?? 'errorGeneric' };
}

export function SignInForm({
  callbackUrl,
  initialError,
  initialRetryAfter,
  signedOut,
  oidc,
}: {
  callbackUrl: string;
  initialError?: string;
  initialRetryAfter?: number;
  signedOut: boolean;
  oidc: { name: string } | null;
}) {
  const t = useTranslations('auth');
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<Shown | null>(
    initialError ? shownFor({ error: initialError, retryAfter: initialRetryAfter }) : null,
  );
  // While a wait is on, the button waits too (the server would refuse anyway).
  const [waitUntil, setWaitUntil] = useState(0);
  useEffect(() => {
    if (waitUntil === 0) return;
    const timer = setTimeout(() => setWaitUntil(0), Math.max(0, waitUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [waitUntil]);
  const [pending, setPending] = useState(false);
  // Both controlled: React resets a form's uncontrolled fields when its action ends, which could wipe a password
  // typed (or filled by a password manager) just as the previous answer arrived. The name is kept across a failed
  // attempt; the password is cleared with a failed answer (unless it was typed again meanwhile).
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');

  async function onSubmit(form: FormData) {
    const username = String(form.get('username') ?? '').trim();
    const typed = String(form.get('password') ?? '');
    if (!username || !typed) {
      setError({ key: 'errorMissing' });
      return;
    }
    setPending(true);
    setError(null);
    try {
      const failure = await signInWithPassword(username, typed, callbackUrl);
      if (failure) {
        const shown = shownFor(failure);
        // Cleared unless something new was typed while the answer was on its way.
        setPassword((current) => (current === typed ? '' : current));
        setError(shown);
        if (shown.seconds && shown.seconds < 60) setWaitUntil(Date.now() + shown.seconds * 1000);
        return;
      }
      // The page checked it already; checking again where it is followed keeps the form safe on its own.
      router.replace(safeCallbackUrl(callbackUrl, window.location.origin));
      router.refresh();
    } catch {
      setError({ key: 'errorGeneric' });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="mt-5 space-y-4">
      {signedOut && !error ? <Alert tone="success">{t('signedOut')}</Alert> : null}
      <div aria-live="assertive">
        {error ? (
          <Alert tone="danger">
            {error.wrongPassword ? <p className="mb-1">{t('errorCredentials')}</p> : null}
            <p>
              {error.seconds
                ? t(error.key, { seconds: error.seconds, minutes: Math.ceil(error.seconds / 60) })
                : t(error.key)}
            </p>
          </Alert>
        ) : null}
      </div>
      <form action={onSubmit} className="space-y-4" noValidate>
        <Field id={`${id}-username`} label={t('username')}>
          <input
            id={`${id}-username`}
            name="username"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={128}
            className={inputClass}
          />
        </Field>
        <Field id={`${id}-password`} label={t('password')}>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
            maxLength={1024}
            className={inputClass}
          />
        </Field>
        <Button type="submit" className="w-full" disabled={pending || waitUntil > 0}>
          {pending ? t('signingIn') : t('signIn')}
        </Button>
      </form>
      {oidc ? (
        <>
          <p className="text-center text-xs uppercase tracking-wide text-slate-500">{t('or')}</p>
          <Button
            variant="secondary"
            className="w-full"
            onClick={() => signInWithProvider('oidc', callbackUrl)}
          >
            {t('signInWith', { provider: oidc.name })}
          </Button>
        </>
      ) : null}
    </div>
  );
}
