import { gzipSync } from 'node:zlib';
import type { Figure } from './lib/figures';
import { round } from './lib/figures';
import type { Stack } from './lib/stack';

const ROUTES = ['/exports', '/exports/new', '/bucket-policy', '/queue'];

/**
 * First-load JavaScript per route, as Next.js defines it: the scripts the server-rendered HTML references
 * (what the browser must fetch to render and hydrate the page), each gzipped as a compressing proxy sends
 * it. Chunks a page imports lazily after hydration are reported separately ("after idle"). "Shared" is what
 * every route's HTML references.
 */
export async function run(stack: Stack): Promise<Figure[]> {
  const context = await stack.browser.newContext({ baseURL: stack.appUrl, storageState: stack.storageState });
  const perRoute = new Map<string, Map<string, number>>();
  const lazyKb = new Map<string, number>();
  for (const route of ROUTES) {
    const page = await context.newPage();
    const loaded = new Map<string, number>();
    page.on('response', async (res) => {
      if (res.request().resourceType() !== 'script') return;
      try {
        loaded.set(new URL(res.url()).pathname, gzipSync(await res.body(), { level: 9 }).length);
      } catch {
        // a script that failed to load counts nothing
      }
    });
    const response = await page.goto(route, { waitUntil: 'networkidle' });
    const html = (await response?.text()) ?? '';
    const referenced = new Set([...html.matchAll(/\/_next\/static\/[^"'\s]+?\.js/g)].map((m) => m[0]));
    const scripts = new Map([...loaded].filter(([file]) => referenced.has(file)));
    perRoute.set(route, scripts);
    lazyKb.set(
      route,
      [...loaded].filter(([file]) => !referenced.has(file)).reduce((sum, [, b]) => sum + b, 0) / 1024,
    );
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
      name: `JS loaded after hydration ${route}`,
      value: round(lazyKb.get(route) ?? 0),
      unit: 'KB gzip',
      target: 'info',
      pass: true,
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
