import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Webhook secrets at rest: AES-256-GCM with a key derived from NEXTAUTH_SECRET by HKDF-SHA256. The secret must be
 * readable when a message is signed, so it cannot be hashed; sealed, a copy of the database alone (a backup, a
 * stolen volume) does not give it away. Each sealed value is bound to its webhook's id (GCM's associated data),
 * so a row's secret cannot be moved to another webhook. Changing NEXTAUTH_SECRET makes sealed secrets unreadable:
 * those webhooks' deliveries then fail with `secretUnreadable` until an admin adds them again.
 */
const VERSION = 'v1';
const SALT = 'logport';
const INFO = 'logport webhook secrets v1';

export class SecretKeyMissingError extends Error {
  constructor() {
    super('NEXTAUTH_SECRET is not set: webhook secrets cannot be sealed');
  }
}

function key(): Buffer {
  const base = process.env.NEXTAUTH_SECRET;
  if (!base) throw new SecretKeyMissingError();
  return Buffer.from(hkdfSync('sha256', base, SALT, INFO, 32));
}

export function sealSecret(plain: string, webhookId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  cipher.setAAD(Buffer.from(`webhook:${webhookId}`));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The secret, or null when it cannot be read (another NEXTAUTH_SECRET, a damaged value). */
export function openSecret(sealed: string, webhookId: string): string | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`webhook:${webhookId}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}
