'use client';

import { ErrorView } from '@/components/ui/error-view';

export default function ExportTaskError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView {...props} />;
}
