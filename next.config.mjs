import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Headers that do not depend on the request; the Content-Security-Policy with its per-request nonce is set in proxy.ts.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  // Lets several builds coexist (parallel e2e runs on one machine); production uses the default.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // proxy.ts refuses larger action bodies by their Content-Length (413); this caps the ones sent without it.
  // Keep in step with BODY_LIMITS.action in lib/http/guard.ts.
  experimental: { serverActions: { bodySizeLimit: '256kb' } },
  reactStrictMode: true,
  serverExternalPackages: ['better-sqlite3', 'pg'],
  // Type checking runs as its own step (`npm run typecheck`, TypeScript 7); the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  outputFileTracingIncludes: { '/**': ['./messages/**/*.json'] },
  turbopack: {
    rules: {
      '*.json': {
        condition: { path: /^messages\// },
        loaders: ['./lib/i18n/precompile-loader.mjs'],
        as: '*.js',
      },
    },
    // With every message precompiled, use-intl needs only its formatter, not the ICU parser.
    resolveAlias: { 'use-intl/format-message': 'use-intl/format-message/format-only' },
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // JSON and file downloads need nothing from the page CSP (set per request in proxy.ts).
      {
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
