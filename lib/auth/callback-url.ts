/** Only same-site paths may be a post-sign-in destination (no open redirect to another host). */
export function safeCallbackUrl(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  ) {
    return '/exports';
  }
  if (value.startsWith('/signin') || value.startsWith('/api/')) return '/exports';
  return value;
}
