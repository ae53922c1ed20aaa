import type { CheckFinding, CheckInput, PolicyDocument, Statement } from './index';
import { checkExportAccess } from './index';

// Shared by the check tests: a bucket, a Region and the two statements the guide prescribes.
export const env: CheckInput = {
  bucket: 'my-exported-logs',
  region: 'us-east-2',
  prefix: 'exports',
  accountId: '111122223333',
};
export const LOGS = { Service: 'logs.us-east-2.amazonaws.com' };
export const BUCKET = 'arn:aws:s3:::my-exported-logs';
export const ACL = { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } };
export const acl = (over: Partial<Statement> = {}): Statement => ({
  Sid: 'Acl',
  Effect: 'Allow',
  Principal: LOGS,
  Action: 's3:GetBucketAcl',
  Resource: BUCKET,
  ...over,
});
export const put = (over: Partial<Statement> = {}): Statement => ({
  Sid: 'Put',
  Effect: 'Allow',
  Principal: LOGS,
  Action: 's3:PutObject',
  Resource: `${BUCKET}/exports/*`,
  Condition: ACL,
  ...over,
});
export const doc = (...Statement: Statement[]): PolicyDocument => ({ Version: '2012-10-17', Statement });
export const check = (statements: Statement[], over: Partial<CheckInput> = {}) =>
  checkExportAccess(doc(...statements), { ...env, ...over });
export const codes = (findings: CheckFinding[]) => findings.map((f) => f.code);
export const find = (findings: CheckFinding[], code: CheckFinding['code']) =>
  findings.find((f) => f.code === code);
