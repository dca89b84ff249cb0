import { z } from 'zod';

export const staffProfileSchema = z.object({
  title: z.string().trim().max(200),
  responsibilities: z.string().trim().max(2000),
  phone: z
    .string()
    .trim()
    .max(30)
    .refine((v) => v === '' || /^\+?[0-9 ()-]{5,30}$/.test(v), { message: 'profile.invalidPhone' }),
});
