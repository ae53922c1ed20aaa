// zod/mini: the settings form ships this schema to the browser.
import * as z from 'zod/mini';
import { ACCOUNT_NAME } from '@/lib/accounts/types';
import { ROLES } from './roles';

/**
 * The ONE schema for a new API token (issue 13): the Settings form checks with it as the admin types, the
 * server action checks again with it. Messages are message keys (`settings.errors.*`).
 */
export const T = {
  nameRequired: 'settings.errors.tokenNameRequired',
  nameInvalid: 'settings.errors.tokenNameInvalid',
  nameTooLong: 'settings.errors.tokenNameTooLong',
  nameTaken: 'settings.errors.tokenNameTaken',
  roleInvalid: 'settings.errors.tokenRoleInvalid',
  accountsInvalid: 'settings.errors.tokenAccountsInvalid',
  expiryInvalid: 'settings.errors.tokenExpiryInvalid',
} as const;

export const MAX_TOKEN_NAME = 64;
/** Longest expiry: ten years. A token for ever is "no expiry", said out loud. */
export const MAX_EXPIRY_DAYS = 3650;
/** What the form offers (days); null: no expiry. */
export const EXPIRY_CHOICES = [7, 30, 90, 365, null] as const;
export const DEFAULT_EXPIRY_DAYS = 90;

/**
 * A name people and scripts use (`ci-deploy`, `grafana.read`): it is shown in the activity log as the actor
 * `token:<name>`, so it holds no spaces, quotes or control characters.
 */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const tokenInputSchema = z.strictObject({
  name: z.string({ error: T.nameRequired }).check(
    z.trim(),
    z.superRefine((value: string, ctx) => {
      const problem =
        value === ''
          ? T.nameRequired
          : value.length > MAX_TOKEN_NAME
            ? T.nameTooLong
            : NAME.test(value)
              ? null
              : T.nameInvalid;
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: value });
    }),
  ),
  role: z._default(z.enum(ROLES, { error: T.roleInvalid }), 'viewer'),
  // "*": every account, now and later; or a list of names (checked against the configured ones by the server).
  accounts: z._default(
    z.union(
      [
        z.literal('*'),
        z.pipe(
          z.array(z.string().check(z.regex(ACCOUNT_NAME))).check(z.minLength(1), z.maxLength(200)),
          z.transform((names: string[]) => [...new Set(names)].sort()),
        ),
      ],
      { error: T.accountsInvalid },
    ),
    '*',
  ),
  expiresInDays: z._default(
    z.nullable(
      z
        .number({ error: T.expiryInvalid })
        .check(
          z.int({ error: T.expiryInvalid }),
          z.gte(1, { error: T.expiryInvalid }),
          z.lte(MAX_EXPIRY_DAYS, { error: T.expiryInvalid }),
        ),
    ),
    null,
  ),
});

export type TokenFormValues = z.input<typeof tokenInputSchema>;
export type TokenInput = z.output<typeof tokenInputSchema>;
