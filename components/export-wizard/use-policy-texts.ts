'use client';

import { useEffect, useState } from 'react';

type PolicyTexts = typeof import('./policy-texts');

/** The policy generator, loaded once it is needed (a failing or KMS check), outside the first-load JS. */
export function usePolicyTexts(needed: boolean): PolicyTexts | null {
  const [mod, setMod] = useState<PolicyTexts | null>(null);
  useEffect(() => {
    if (!needed || mod) return;
    let live = true;
    void import('./policy-texts').then((m) => {
      if (live) setMod(m);
    });
    return () => {
      live = false;
    };
  }, [needed, mod]);
  return mod;
}

/** The account in an ARN (`arn:aws:kms:us-east-2:123456789012:key/…`), or null. */
export function arnAccount(arn: string): string | null {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : null;
}
