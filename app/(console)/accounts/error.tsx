'use client';

import { ErrorView } from '@/components/ui/error-view';

export default function AccountsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView {...props} />;
}
