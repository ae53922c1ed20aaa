import 'server-only';
import { z } from 'zod';
import { type ActionResult, fail, ok } from '@/lib/action-result';
import { recordActivity } from '@/lib/audit';
import { transaction } from '@/lib/db';
import type { Caller } from './caller';
import { forgetSession } from './session-check';
import { endSession, isOpen, readSession } from './sessions-store';

/** The settings page's "End session": an id as sessions-store makes them, nothing else. */
export const endSessionInput = z.object({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }).strict();

/**
 * An admin ends someone's session (the caller has passed requireRole('admin')): the next request from that
 * browser, page or API, is refused. Recorded in the activity log with whose session it was.
 */
export async function endSessionByAdmin(
  admin: Caller,
  input: unknown,
): Promise<ActionResult<{ userName: string }>> {
  const parsed = endSessionInput.safeParse(input);
  if (!parsed.success) return fail('invalidInput');
  const id = parsed.data.sessionId;
  try {
    const result = await transaction(async () => {
      const session = await readSession(id);
      if (!session || !isOpen(session)) return null;
      await endSession(id, 'endedByAdmin', admin.name);
      await recordActivity(admin, {
        action: 'session.end',
        target: session.userName,
        outcome: 'ok',
        detail: {
          role: session.role,
          since: session.createdAt,
          ...(session.clientAddress ? { address: session.clientAddress } : {}),
        },
      });
      return session;
    });
    forgetSession(id);
    return result ? ok({ userName: result.userName }) : fail('sessionAlreadyEnded');
  } catch (err) {
    console.error('[endSession]', err instanceof Error ? err.message : err);
    return fail('internal');
  }
}
