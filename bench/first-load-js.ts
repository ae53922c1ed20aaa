import { gzipSync } from 'node:zlib';
import type { Figure } from './lib/figures';
import { round } from './lib/figures';
import type { Stack } from './lib/stack';

const ROUTES = ['/exports', '/exports/new', '/bucket-policy', '/queue'];

/**
 * First-load JavaScript per route, as a browser really loads it: every script the page fetches before it is
 * idle, each gzipped (what a compressing proxy sends). "Shared" is what every route loads.
 */
export async function run(stack: Stack): Promise<Figure[]> {
  const context = await stack.browser.newContext({ baseURL: stack.appUrl, storageState: stack.storageState });
  const perRoute = new Map<string, Map<string, number>>();
  for (const route of ROUTES) {
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    page.on('response', async (res) => {
      if (res.request().resourceType() !== 'script') return;
      try {
        scripts.set(new URL(res.url()).pathname, gzipSync(await res.body(), { level: 9 }).length);
      } catch {
        // a script that failed to load counts nothing
      }
    });
    await page.goto(route, { waitUntil: 'networkidle' });
    perRoute.set(route, scripts);
    if (process.env.BENCH_VERBOSE) {
      for (const [file, bytes] of [...scripts].sort((a, b) => b[1] - a[1]))
        console.log(`  ${route} ${file} ${bytes}`);
    }
    await page.close();
  }
  await context.close();

  const all = [...perRoute.values()];
  const shared = [...(all[0]?.keys() ?? [])].filter((file) => all.every((m) => m.has(file)));
  const sharedKb = shared.reduce((sum, f) => sum + (all[0]?.get(f) ?? 0), 0) / 1024;
  const figures: Figure[] = [];
  for (const [route, scripts] of perRoute) {
    const totalKb = [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
    figures.push({
      name: `first-load JS ${route}`,
      value: round(totalKb),
      unit: 'KB gzip',
      target: '< 180',
      pass: totalKb < 180,
    });
    figures.push({
      name: `route-specific JS ${route}`,
      value: round(totalKb - sharedKb),
      unit: 'KB gzip',
      target: '< 60',
      pass: totalKb - sharedKb < 60,
    });
  }
  figures.push({
    name: 'shared JS (every route)',
    value: round(sharedKb),
    unit: 'KB gzip',
    target: 'info',
    pass: true,
  });
  return figures;
}
