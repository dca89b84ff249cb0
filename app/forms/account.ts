import { z } from 'zod';

export const signInSchema = z.object({
  email: z.string().trim().min(1).max(254).pipe(z.email()),
  password: z.string().min(1).max(200),
  redirectTo: z.string().max(500).optional(),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(12).max(200),
    confirmPassword: z.string().min(1).max(200),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'account.mismatch' });
    } else if (value.newPassword === value.currentPassword) {
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'account.sameAsOld' });
    }
  });

export const languageSchema = z.object({
  language: z.enum(['fi', 'sv', 'en']),
  redirectTo: z.string().max(500).optional(),
});

/** Only same-site paths are followed after sign-in or a language change. */
export function safeRedirect(target: string | undefined, fallback = '/'): string {
  return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') ? target : fallback;
}
