/**
 * Where the chosen (account, Region) travels: the page URL's `?account=&region=` (the proxy hands it on in a
 * request header), then cookies that remember the last choice. Plain names, importable by the proxy, the server
 * and the switcher in the browser.
 */
export const ACCOUNT_COOKIE = 'logport-account';
export const REGION_COOKIE = 'logport-region';
/** Set by proxy.ts from the page's URL: `account|region` (either may be empty). */
export const SCOPE_HEADER = 'x-logport-scope';
