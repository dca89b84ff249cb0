import { z } from 'zod';

export const applySchema = z.object({
  organisationId: z.uuid(),
  justification: z.string().trim().min(1).max(5000),
  // An unticked checkbox sends nothing: that too is told to accept the duties.
  acceptDuties: z.string().max(3).default('').refine((v) => v === 'yes', { message: 'adminApplication.mustAccept' }),
});

export const signSchema = z.object({
  reviewedSha256: z.string().regex(/^[0-9a-f]{64}$/),
  password: z.string().min(1).max(200),
});

export const decisionSchema = z.object({
  intent: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(1000).optional(),
});

export const giveUpSchema = z.object({ userId: z.uuid() });
