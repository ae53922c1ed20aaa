export async function register() {
  // Node-only startup work lives in its own module so the Edge bundle never sees process.exit or SQLite.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { onServerStart } = await import('./lib/server-start');
    await onServerStart();
  }
}
