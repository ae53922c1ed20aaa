import { E2E, type TestRole } from './env';

/** Options for a browser context signed in as `role`, with the config's page settings (new contexts do not inherit them). */
export function asRole(role: TestRole, extra: { baseURL?: string; locale?: string } = {}) {
  return {
    baseURL: extra.baseURL ?? E2E.appUrl,
    storageState: E2E.storageState(role),
    locale: extra.locale ?? 'en-US',
    timezoneId: 'UTC',
  };
}
