'use client';

import { isServer, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Data rendered on the server is fresh for a moment; no refetch right after hydration.
      queries: { staleTime: 2_000, refetchOnWindowFocus: true, retry: 1 },
    },
  });
}

let browserClient: QueryClient | undefined;

/** One client per server request, one for the browser's lifetime (TanStack's App Router pattern). */
export function getQueryClient() {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}

export function Providers({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
