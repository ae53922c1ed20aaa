import 'server-only';
import {
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  ListBucketsCommand,
} from '@aws-sdk/client-s3';
import type { Scope } from '@/lib/accounts/types';
import { s3Client } from '@/lib/aws/clients';

export type BucketSummary = { name: string; region: string | null; createdAt: number | null };

/** The account's buckets (ListBuckets), with their Region where S3 reports it. */
export async function listBuckets(scope: Scope): Promise<BucketSummary[]> {
  const out = await s3Client(scope).send(new ListBucketsCommand({}));
  return (out.Buckets ?? [])
    .filter((b) => b.Name)
    .map((b) => ({
      name: b.Name ?? '',
      region: b.BucketRegion ?? null,
      createdAt: b.CreationDate?.getTime() ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The bucket's Region (GetBucketLocation; an empty constraint means us-east-1, `EU` means eu-west-1). */
export async function getBucketRegion(scope: Scope, bucket: string): Promise<string> {
  const out = await s3Client(scope).send(new GetBucketLocationCommand({ Bucket: bucket }));
  const constraint = out.LocationConstraint as string | undefined;
  if (!constraint) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}

/** The bucket policy text, or null when the bucket has none (NoSuchBucketPolicy). */
export async function getBucketPolicyText(scope: Scope, bucket: string): Promise<string | null> {
  try {
    const out = await s3Client(scope).send(new GetBucketPolicyCommand({ Bucket: bucket }));
    return out.Policy ?? null;
  } catch (err) {
    if ((err as { name?: string }).name === 'NoSuchBucketPolicy') return null;
    throw err;
  }
}

export type BucketEncryption = {
  algorithm: 'AES256' | 'aws:kms' | 'aws:kms:dsse' | null;
  kmsKeyId: string | null;
};

/** The bucket's default encryption (SSE-KMS needs a key policy that lets CloudWatch Logs use the key). */
export async function getBucketEncryption(scope: Scope, bucket: string): Promise<BucketEncryption> {
  try {
    const out = await s3Client(scope).send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    const rule = out.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault;
    const algorithm = rule?.SSEAlgorithm;
    return {
      algorithm:
        algorithm === 'AES256' || algorithm === 'aws:kms' || algorithm === 'aws:kms:dsse' ? algorithm : null,
      kmsKeyId: rule?.KMSMasterKeyID ?? null,
    };
  } catch (err) {
    if ((err as { name?: string }).name === 'ServerSideEncryptionConfigurationNotFoundError') {
      return { algorithm: null, kmsKeyId: null };
    }
    throw err;
  }
}

const readers = new Map<string, { at: number; scope: Scope }>();
const READER_TTL_MS = 10 * 60_000;

/**
 * The account to read a bucket with: the exporting account, or, for a central archive bucket owned by another
 * configured account of the same Region (the member account may write there but not read), that owner. Asked
 * once per (account, Region, bucket) and remembered ten minutes.
 */
export async function bucketReader(scope: Scope, bucket: string): Promise<Scope> {
  const key = `${scope.account}|${scope.region}|${bucket}`;
  const hit = readers.get(key);
  if (hit && Date.now() - hit.at < READER_TTL_MS) return hit.scope;
  let reader = scope;
  try {
    await getBucketRegion(scope, bucket);
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name !== 'AccessDenied' && name !== 'AccessDeniedException') throw err;
    const { listAccounts } = await import('@/lib/accounts/registry');
    let found = false;
    for (const other of await listAccounts()) {
      if (other.name === scope.account || !other.regions.includes(scope.region)) continue;
      const candidate = { account: other.name, region: scope.region };
      try {
        await getBucketRegion(candidate, bucket);
        reader = candidate;
        found = true;
        break;
      } catch {
        // Not this account's bucket either.
      }
    }
    if (!found) throw err;
  }
  readers.set(key, { at: Date.now(), scope: reader });
  return reader;
}
