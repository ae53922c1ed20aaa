/** Runs once when the Next.js server process starts (instrumentation.ts). */
export async function onServerStart(): Promise<void> {
  if (process.env.NODE_ENV === 'production' && !process.env.NEXTAUTH_SECRET) {
    console.error(
      'Logport will not start: set NEXTAUTH_SECRET to a long random value (for example: openssl rand -base64 32).',
    );
    process.exit(1);
  }
}
