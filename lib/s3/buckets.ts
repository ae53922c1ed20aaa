import 'server-only';
import {
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  ListBucketsCommand,
} from '@aws-sdk/client-s3';
import { s3Client } from '@/lib/aws/clients';

export type BucketSummary = { name: string; region: string | null; createdAt: number | null };

/** The account's buckets (ListBuckets), with their Region where S3 reports it. */
export async function listBuckets(region: string): Promise<BucketSummary[]> {
  const out = await s3Client(region).send(new ListBucketsCommand({}));
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
export async function getBucketRegion(region: string, bucket: string): Promise<string> {
  const out = await s3Client(region).send(new GetBucketLocationCommand({ Bucket: bucket }));
  const constraint = out.LocationConstraint as string | undefined;
  if (!constraint) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}

/** The bucket policy text, or null when the bucket has none (NoSuchBucketPolicy). */
export async function getBucketPolicyText(region: string, bucket: string): Promise<string | null> {
  try {
    const out = await s3Client(region).send(new GetBucketPolicyCommand({ Bucket: bucket }));
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
export async function getBucketEncryption(region: string, bucket: string): Promise<BucketEncryption> {
  try {
    const out = await s3Client(region).send(new GetBucketEncryptionCommand({ Bucket: bucket }));
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
