import 'server-only';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import * as z from 'zod/mini';
import { REGION_PATTERN } from '@/lib/export-tasks/create-schema';
import { ACCOUNT_NAME, DEFAULT_ACCOUNT } from './types';

/**
 * The accounts file named by LOGPORT_ACCOUNTS (YAML or JSON): the accounts reached by STS AssumeRole. The
 * ambient credentials are the account `default`, which needs no entry (one may give its id). The file is read
 * again when it changes; an edit that does not parse keeps the last good list and says why in the server log.
 */

export type FileAccount = {
  name: string;
  id: string | null;
  roleArn: string;
  externalId: string | null;
  /** null: the file names none (the default account's first Region is used). */
  regions: string[] | null;
};

export type AccountsFile = { accounts: FileAccount[]; defaultId: string | null };

const fileSchema = z.strictObject({
  accounts: z
    .array(
      z.strictObject({
        name: z.string().check(z.regex(ACCOUNT_NAME)),
        id: z.optional(z.string().check(z.regex(/^\d{12}$/))),
        roleArn: z.optional(
          z.string().check(z.regex(/^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/)),
        ),
        externalId: z.optional(z.string().check(z.regex(/^[\w+=,.@:/-]{2,1224}$/))),
        regions: z.optional(z.array(z.string().check(z.regex(REGION_PATTERN))).check(z.minLength(1))),
      }),
    )
    .check(z.maxLength(500)),
});

export class AccountsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountsFileError';
  }
}

/** Parses an accounts file's text; throws AccountsFileError naming what to fix. */
export function parseAccountsFile(text: string): AccountsFile {
  let raw: unknown;
  try {
    raw = text.trim().startsWith('{') ? JSON.parse(text) : YAML.parse(text);
  } catch (err) {
    throw new AccountsFileError(
      `not valid YAML or JSON: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'the file';
    throw new AccountsFileError(
      `${where}: ${issue?.message ?? 'invalid'} (see the README's accounts section)`,
    );
  }
  const accounts: FileAccount[] = [];
  const seen = new Set<string>();
  let defaultId: string | null = null;
  for (const a of parsed.data.accounts) {
    if (seen.has(a.name)) throw new AccountsFileError(`accounts: the name "${a.name}" is used twice`);
    seen.add(a.name);
    if (a.name === DEFAULT_ACCOUNT) {
      if (a.roleArn)
        throw new AccountsFileError('accounts: "default" is the ambient credentials; it takes no roleArn');
      defaultId = a.id ?? null;
      continue;
    }
    if (!a.roleArn) throw new AccountsFileError(`accounts.${a.name}: roleArn is required`);
    const roleAccount = /::(\d{12}):role\//.exec(a.roleArn)?.[1] ?? null;
    if (a.id && roleAccount && a.id !== roleAccount)
      throw new AccountsFileError(
        `accounts.${a.name}: id ${a.id} differs from the role's account ${roleAccount}`,
      );
    accounts.push({
      name: a.name,
      id: a.id ?? roleAccount,
      roleArn: a.roleArn,
      externalId: a.externalId ?? null,
      regions: a.regions ? [...new Set(a.regions)] : null,
    });
  }
  return { accounts, defaultId };
}

export function accountsFilePath(): string | null {
  const file = process.env.LOGPORT_ACCOUNTS?.trim();
  return file ? path.resolve(/*turbopackIgnore: true*/ file) : null;
}

type Loaded = { file: string; mtimeMs: number; size: number; parsed: AccountsFile };
const g = globalThis as unknown as { logportAccountsFile?: Loaded };
const NONE: AccountsFile = { accounts: [], defaultId: null };

/** The file's accounts (none without LOGPORT_ACCOUNTS). Throws AccountsFileError only when no good list exists. */
export function readAccountsFile(): AccountsFile {
  const file = accountsFilePath();
  if (!file) return NONE;
  const loaded = g.logportAccountsFile?.file === file ? g.logportAccountsFile : undefined;
  let stat: { mtimeMs: number; size: number };
  try {
    stat = statSync(file);
  } catch {
    if (loaded) return loaded.parsed;
    throw new AccountsFileError(`LOGPORT_ACCOUNTS names ${file}, which cannot be read`);
  }
  if (loaded && loaded.mtimeMs === stat.mtimeMs && loaded.size === stat.size) return loaded.parsed;
  try {
    const parsed = parseAccountsFile(readFileSync(file, 'utf8'));
    g.logportAccountsFile = { file, mtimeMs: stat.mtimeMs, size: stat.size, parsed };
    return parsed;
  } catch (err) {
    if (!loaded) throw err;
    // Said once per edit, not on every call.
    console.error(`[accounts] ${file} not reloaded, keeping the last good list: ${(err as Error).message}`);
    g.logportAccountsFile = { ...loaded, mtimeMs: stat.mtimeMs, size: stat.size };
    return loaded.parsed;
  }
}

/** The role an account is reached with (null: `default`, or not an account of the file). */
export function roleOf(account: string): { roleArn: string; externalId: string | null } | null {
  if (account === DEFAULT_ACCOUNT) return null;
  const a = readAccountsFile().accounts.find((x) => x.name === account);
  return a ? { roleArn: a.roleArn, externalId: a.externalId } : null;
}
