import 'server-only';
import { type Role, roleAtLeast } from '@/lib/auth/roles';

/**
 * Exported files may hold sensitive logs: downloading and previewing them needs an operator by default.
 * `LOGPORT_VIEWER_DOWNLOADS=true` lets viewers do both (listing the files' names stays open to viewers).
 */
export function viewerDownloadsAllowed(): boolean {
  return /^(true|1|yes)$/i.test(process.env.LOGPORT_VIEWER_DOWNLOADS?.trim() ?? '');
}

export function mayReadFiles(role: Role): boolean {
  return roleAtLeast(role, viewerDownloadsAllowed() ? 'viewer' : 'operator');
}
