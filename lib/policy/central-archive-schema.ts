// zod/mini, like schema.ts: the form loads it lazily in the browser, the server validates with the same rules.
import * as z from 'zod/mini';
import { ACCOUNT_ID, EXPORTER_ARN, ORG_ID } from './central-archive';
import { DEFAULT_EXPORTER_ROLE, normalizePrefix, partitionForRegion } from './names';
import { bucketNameSchema, POLICY_MESSAGE_KEYS as K, prefixSchema, regionSchema } from './schema';
import { PARTITIONS } from './types';

const IAM_NAME = /^[\w+=,.@-]{1,64}$/;

/** The central archive scenario's form: the bucket of one Region and the member accounts that export into it. */
export const centralArchiveFormSchema = z.pipe(
  z
    .object({
      bucket: bucketNameSchema,
      region: regionSchema,
      partition: z.enum(PARTITIONS, { error: K.partitionInvalid }),
      /** 12-digit ids or exporting role (or user) ARNs. */
      members: z.array(z.string().check(z.trim())),
      exporterRole: z._default(
        z.string().check(z.trim(), z.regex(IAM_NAME, { error: K.exporterRoleInvalid })),
        DEFAULT_EXPORTER_ROLE,
      ),
      sourceOrgId: z._default(
        z.string().check(
          z.trim(),
          z.refine((v: string) => v === '' || ORG_ID.test(v), { error: K.orgIdInvalid }),
        ),
        '',
      ),
      prefix: z._default(prefixSchema, ''),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (partitionForRegion(v.region) !== v.partition)
          ctx.addIssue({ code: 'custom', message: K.partitionRegionMismatch, path: ['partition'] });
        const members = v.members.filter((m) => m !== '');
        if (members.length === 0)
          ctx.addIssue({ code: 'custom', message: K.membersRequired, path: ['members'] });
        members.forEach((m, i) => {
          if (ACCOUNT_ID.test(m)) return;
          const arn = EXPORTER_ARN.exec(m);
          if (!arn) ctx.addIssue({ code: 'custom', message: K.memberInvalid, path: ['members', i] });
          else if (arn[1] !== v.partition)
            ctx.addIssue({ code: 'custom', message: K.memberPartition, path: ['members', i] });
        });
      }),
    ),
  z.transform((v) => ({
    ...v,
    members: v.members.filter((m) => m !== ''),
    prefix: normalizePrefix(v.prefix),
  })),
);

export type CentralArchiveFormValues = z.input<typeof centralArchiveFormSchema>;
export type CentralArchiveFormInput = z.output<typeof centralArchiveFormSchema>;
