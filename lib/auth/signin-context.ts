import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What next-auth's callbacks need to know about the request they run for, and cannot get from next-auth v4
 * (its callbacks see no request): the client's address and browser for the new session's row, and the outcome
 * of a password check for the sign-in limits. Set by app/api/auth/[...nextauth]/route.ts around next-auth.
 */
export type SigninContext = {
  clientAddress: string;
  userAgent: string | null;
  /** Set by the credentials provider: how the password check went. */
  outcome?: 'success' | 'failure' | 'error';
};

const storage = new AsyncLocalStorage<SigninContext>();

export function withSigninContext<T>(context: SigninContext, run: () => Promise<T>): Promise<T> {
  return storage.run(context, run);
}

export function signinContext(): SigninContext | undefined {
  return storage.getStore();
}
