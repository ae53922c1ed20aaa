/**
 * Advisories that matter to Logport, with the first fixed version on the release line Logport runs. `npm audit`
 * cannot reach its service from where Logport is built, so this table is the offline stand-in: the check
 * (scripts/check-advisories.ts) fails when an installed copy of a package is inside an advisory's range.
 *
 * Chosen for what Logport does: the proxy is the page gate (proxy bypasses), server actions are every change
 * (CSRF, SSRF, RCE in the RSC protocol), getToken reads every request, OIDC sign-in (state/PKCE), JWT sessions
 * (jose), cookies. Sources: the GitHub advisory database (github.com/advisories/<id>) and the vendors'
 * advisories. To add one: its id, the package, the range (`from` inclusive, `below` = first fixed version) and
 * a line saying why it matters here. Keep the `lines` floor in step when a dependency changes major.
 */
export type Advisory = {
  id: string;
  cve?: string;
  pkg: string;
  /** First affected version (inclusive); absent: every version below `below`. */
  from?: string;
  /** First fixed version. */
  below: string;
  title: string;
};

/**
 * The release line the table covers for each package: an installed version outside it is refused too, since
 * advisories of other lines (older majors, Auth.js v5 betas) are not tracked here.
 */
export const LINES: Record<string, { from: string; below: string }> = {
  next: { from: '16.0.0', below: '17.0.0' },
  'next-auth': { from: '4.0.0', below: '5.0.0-0' },
  jose: { from: '4.0.0', below: '5.0.0-0' },
  cookie: { from: '0.7.0', below: '2.0.0-0' },
  'openid-client': { from: '5.0.0', below: '6.0.0-0' },
};

export const ADVISORIES: Advisory[] = [
  // next — the proxy (pages' sign-in gate), server actions and the RSC protocol.
  {
    id: 'GHSA-f82v-jwr5-mffw',
    cve: 'CVE-2025-29927',
    pkg: 'next',
    below: '15.2.3',
    title: 'Middleware authorization bypass (x-middleware-subrequest)',
  },
  {
    id: 'GHSA-9qr9-h5gf-34mp',
    cve: 'CVE-2025-66478',
    pkg: 'next',
    below: '16.0.7',
    title: 'Remote code execution in the React Server Components protocol',
  },
  {
    id: 'GHSA-mq59-m269-xvcx',
    cve: 'CVE-2026-27978',
    pkg: 'next',
    below: '16.1.7',
    title: 'Origin: null bypasses the Server Actions CSRF check',
  },
  {
    id: 'GHSA-267c-6grr-h53f',
    pkg: 'next',
    below: '16.2.5',
    title: 'Middleware/proxy bypass via App Router segment-prefetch routes',
  },
  {
    id: 'GHSA-26hh-7cqf-hhc6',
    pkg: 'next',
    below: '16.2.6',
    title: 'Middleware/proxy bypass via segment-prefetch routes (incomplete fix of GHSA-267c-6grr-h53f)',
  },
  {
    id: 'GHSA-492v-c6pp-mqqv',
    pkg: 'next',
    below: '16.2.5',
    title: 'Middleware/proxy bypass via dynamic route parameter injection',
  },
  {
    id: 'GHSA-c4j6-fc7j-m34r',
    cve: 'CVE-2026-44578',
    pkg: 'next',
    below: '16.2.5',
    title: 'SSRF via WebSocket upgrade requests',
  },
  {
    id: 'GHSA-8h8q-6873-q5fj',
    pkg: 'next',
    below: '16.2.5',
    title: 'Denial of service with Server Components',
  },
  {
    id: 'GHSA-6gpp-xcg3-4w24',
    pkg: 'next',
    below: '16.2.11',
    title: 'Middleware/proxy bypass in App Router applications (Turbopack)',
  },
  { id: 'GHSA-89xv-2m56-2m9x', pkg: 'next', below: '16.2.11', title: 'SSRF in Server Actions' },
  {
    id: 'GHSA-955p-x3mx-jcvp',
    pkg: 'next',
    below: '16.2.11',
    title: 'Unauthenticated disclosure of internal Server Function endpoints',
  },
  {
    id: 'GHSA-m99w-x7hq-7vfj',
    pkg: 'next',
    below: '16.2.11',
    title: 'Denial of service with App Router Server Components',
  },
  {
    id: 'GHSA-2xp9-vwfh-vxw4',
    pkg: 'next',
    below: '16.3.3',
    title:
      'Unauthenticated remote code execution via the image optimization API (AVIF); /_next/image is on by default',
  },
  // next-auth v4 — getToken runs on every page request (proxy), OIDC sign-in.
  {
    id: 'GHSA-v64w-49xw-qq89',
    cve: 'CVE-2023-48309',
    pkg: 'next-auth',
    below: '4.24.5',
    title: 'A mock user can bypass basic authentication in middleware',
  },
  {
    id: 'GHSA-xmf8-cvqr-rfgj',
    pkg: 'next-auth',
    from: '4.0.6',
    below: '4.24.15',
    title:
      'getToken() throws on a malformed Authorization: Bearer header (unauthenticated denial of service)',
  },
  {
    id: 'GHSA-x445-f3h2-j279',
    pkg: 'next-auth',
    below: '4.24.15',
    title: 'OAuth state, nonce and PKCE cookies are not bound to the provider that set them',
  },
  // jose — signs and encrypts the session JWT (next-auth) and verifies OIDC tokens (openid-client).
  {
    id: 'GHSA-jv3g-j58f-9mq9',
    cve: 'CVE-2022-36083',
    pkg: 'jose',
    below: '4.9.2',
    title: 'Resource exhaustion via PBES2 JWE',
  },
  {
    id: 'GHSA-hhhv-q57g-882q',
    cve: 'CVE-2024-28176',
    pkg: 'jose',
    from: '3.0.0',
    below: '4.15.5',
    title: 'Resource exhaustion via a JWE with compressed plaintext',
  },
  // cookie — next-auth's cookie serialiser.
  {
    id: 'GHSA-pxg6-pf52-xh8x',
    cve: 'CVE-2024-47764',
    pkg: 'cookie',
    below: '0.7.0',
    title: 'Cookie name, path and domain accept out-of-bounds characters',
  },
  // openid-client (OIDC sign-in): no advisory of its own is published; its JWT handling is jose's (above).
];
