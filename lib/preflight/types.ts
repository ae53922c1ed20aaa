/** What the wizard shows for each preflight check (plain JSON: the route and the action both return it). */
export const PREFLIGHT_CHECK_IDS = ['bucket', 'region', 'policy', 'encryption', 'active'] as const;
export type PreflightCheckId = (typeof PREFLIGHT_CHECK_IDS)[number];
export type Verdict = 'pass' | 'fail' | 'warn' | 'skip';

export type PreflightFinding = {
  code: string;
  severity: 'error' | 'warning';
  params: Record<string, string | number>;
};

export type PreflightCheck = {
  id: PreflightCheckId;
  verdict: Verdict;
  /** Message key under `wizard.preflight.codes` (its params fill the placeholders). */
  code: string;
  params: Record<string, string | number>;
  /** Why a bucket policy does not let CloudWatch Logs in (lib/policy finding codes). */
  findings?: PreflightFinding[];
  /** Where to fix it: the bucket-policy generator prefilled, or the active export's page. */
  fix?: { kind: 'policy' | 'task'; href: string };
};

export type PreflightResult = {
  checks: PreflightCheck[];
  /** No check failed: CreateExportTask should be accepted. */
  ok: boolean;
  ranAt: number;
};
