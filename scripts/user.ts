import { createInterface } from 'node:readline';
import type { AccountAccess } from '../lib/accounts/types';
import { isRole, ROLES, type Role } from '../lib/auth/roles';
import { readUsers, removeUser, upsertUser } from '../lib/auth/users-admin';
import { formatAccountsField, parseAccountsField } from '../lib/auth/users-file';
import { usersFilePath } from '../lib/config';

const USAGE = `Manage Logport users (file: LOGPORT_USERS_FILE, default .data/users.txt)

  npm run user -- add NAME --role viewer|operator|admin [--accounts staging,prod]
                                                        add a user (asks for the password); --accounts limits
                                                        them to those accounts (default: every account)
  npm run user -- passwd NAME                           set a new password
  npm run user -- role NAME viewer|operator|admin       change the role
  npm run user -- accounts NAME staging,prod|*          change the accounts the user may reach
  npm run user -- remove NAME                           remove a user
  npm run user -- list                                  list users, roles and accounts

The password is asked for on the terminal, or read from standard input with --password-stdin.
A running Logport notices the change by itself: a new password, a new role or a removal ends all of
that user's sessions at once (they sign in again, with the new role); so does a change of accounts.`;

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Hide what is typed: print the prompt once, then nothing per keystroke.
      const out = rl as unknown as { _writeToOutput: (s: string) => void };
      out._writeToOutput = (s: string) => {
        if (s.includes(prompt)) process.stdout.write(prompt);
      };
      rl.question(prompt, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password: ');
  const second = await ask('Repeat password: ');
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}

function accountsArg(value: string | undefined): AccountAccess {
  const access = value === undefined ? null : parseAccountsField(value);
  if (access === null) throw new Error('accounts must be * or account names like staging,prod');
  return access;
}

function roleArg(value: string | undefined): Role {
  if (!isRole(value)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
  return value;
}

async function main(argv: string[]) {
  const [command, name, ...rest] = argv;
  const file = usersFilePath();
  const stdin = rest.includes('--password-stdin');
  const roleFlag = rest.indexOf('--role');
  const accountsFlag = rest.indexOf('--accounts');
  switch (command) {
    case 'add': {
      if (!name) throw new Error('which user? npm run user -- add NAME --role ROLE');
      const role = roleArg(roleFlag >= 0 ? rest[roleFlag + 1] : undefined);
      const accounts = accountsFlag >= 0 ? accountsArg(rest[accountsFlag + 1]) : '*';
      const user = await upsertUser(
        file,
        name,
        { role, accounts, password: await readPassword(stdin) },
        'add',
      );
      console.log(
        `Added ${user.name} (${user.role}, accounts ${formatAccountsField(user.accounts)}) to ${file}`,
      );
      return;
    }
    case 'passwd': {
      if (!name) throw new Error('which user? npm run user -- passwd NAME');
      await upsertUser(file, name, { password: await readPassword(stdin) }, 'update');
      console.log(`Password of ${name} changed in ${file}; their sessions end at once`);
      return;
    }
    case 'role': {
      if (!name) throw new Error('which user? npm run user -- role NAME ROLE');
      const user = await upsertUser(file, name, { role: roleArg(rest[0]) }, 'update');
      console.log(`${user.name} is now ${user.role}; their sessions end at once (they sign in again)`);
      return;
    }
    case 'accounts': {
      if (!name) throw new Error('which user? npm run user -- accounts NAME staging,prod|*');
      const user = await upsertUser(file, name, { accounts: accountsArg(rest[0]) }, 'update');
      console.log(
        `${user.name} may now reach ${formatAccountsField(user.accounts)}; their sessions end at once (they sign in again)`,
      );
      return;
    }
    case 'remove': {
      if (!name) throw new Error('which user? npm run user -- remove NAME');
      await removeUser(file, name);
      console.log(`Removed ${name} from ${file}; their sessions end at once`);
      return;
    }
    case 'list': {
      const users = await readUsers(file);
      if (users.length === 0) console.log(`No users in ${file}`);
      for (const u of users) console.log(`${u.name}\t${u.role}\t${formatAccountsField(u.accounts)}`);
      return;
    }
    default:
      console.log(USAGE);
      if (command && command !== 'help' && command !== '--help') process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
