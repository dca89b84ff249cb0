import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DomainContext } from '../context';
import { roleAssignments, users } from '../db/schema';
import { writeAudit } from './audit';
import { hashPassword } from './passwords';

export const centreAdminInput = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(12).max(200),
});

/** Creates the first (or another) centre admin; an existing account is given the role instead. */
export async function createCentreAdmin(ctx: DomainContext, input: z.infer<typeof centreAdminInput>): Promise<{ userId: string; created: boolean }> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    const userId =
      existing?.id ??
      (await tx.insert(users).values({ email: input.email, name: input.name, passwordHash }).returning({ id: users.id }))[0]!.id;
    await tx.insert(roleAssignments).values({ userId, role: 'centre_admin' }).onConflictDoNothing();
    await writeAudit(tx, ctx.clock, {
      action: 'access.roleGranted',
      actorUserId: null,
      targetType: 'user',
      targetId: userId,
      details: { role: 'centre_admin', via: 'create-admin' },
    });
    return { userId, created: !existing };
  });
}
