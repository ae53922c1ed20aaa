// Downloads are made in the browser from the text on screen (Blob + <a download>): no server round
// trip, no inline script, nothing the CSP has to allow beyond a click.

export type DownloadKind = 'bucket-policy' | 'command' | 'iam-policy' | 'kms-statements';

/**
 * File names for each output. The bucket policy is `policy.json` because the put-bucket-policy
 * command we show reads `file://policy.json`; the others carry the bucket so several can sit side by side.
 */
export function downloadName(kind: DownloadKind, bucket: string): string {
  const safe = bucket.replace(/[^a-z0-9.-]/gi, '-').replace(/^-+|-+$/g, '') || 'bucket';
  switch (kind) {
    case 'bucket-policy':
      return 'policy.json';
    case 'command':
      return `put-bucket-policy-${safe}.sh`;
    case 'iam-policy':
      return `exporter-iam-policy-${safe}.json`;
    case 'kms-statements':
      return `kms-key-policy-statements-${safe}.json`;
  }
}

export function mediaType(kind: DownloadKind): string {
  return kind === 'command' ? 'text/x-shellscript' : 'application/json';
}

/** Saves `text` as a file; ends with a newline, as editors and `file://` readers expect. */
export function saveText(name: string, text: string, type: string): void {
  const blob = new Blob([text.endsWith('\n') ? text : `${text}\n`], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled; revoking at once cancels the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
