import { z } from 'zod';

export const imageUploadSchema = z
  .object({
    kind: z.enum(['logo', 'signature']),
    signerName: z.string().trim().max(200).optional(),
    signerTitle: z.string().trim().max(200).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== 'signature') return;
    if (!value.signerName) ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, path: ['signerName'], message: '' });
    if (!value.signerTitle) ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, path: ['signerTitle'], message: '' });
  });
