import { z } from 'zod';

const email = z.string().trim().min(1).max(254).pipe(z.email());
const name = z.string().trim().min(1).max(200);
const newPassword = z.string().min(12).max(200);
const uuid = z.string().min(1).max(36).pipe(z.uuid());
const token = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/);

function passwordsMatch(value: { password: string; confirmPassword: string }, ctx: z.RefinementCtx) {
  if (value.password !== value.confirmPassword) {
    ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'account.mismatch' });
  }
}

export const registrationSchema = z
  .object({ name, email, password: newPassword, confirmPassword: z.string().min(1).max(200), unitId: uuid })
  .superRefine(passwordsMatch);

export const tokenSchema = z.object({ token });

export const forgotPasswordSchema = z.object({ email });

export const setPasswordSchema = z
  .object({ token, password: newPassword, confirmPassword: z.string().min(1).max(200) })
  .superRefine(passwordsMatch);

export const invitationSchema = z.object({
  email,
  name,
  unitId: uuid,
  role: z.enum(['trainer', 'unit_coordinator']),
});

export const approvalSchema = z.object({
  intent: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(1000).optional(),
});

export const activationSchema = z.object({ intent: z.enum(['deactivate', 'reactivate']) });

export const unblockSchema = z.object({
  scope: z.enum(['account', 'address']),
  value: z.string().trim().min(1).max(254),
});
