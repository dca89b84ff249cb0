import { and, eq, inArray } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import { memberOrganisationIds } from '../access/roles';
import type { ActorContext, DomainContext } from '../context';
import { organisations, roleAssignments, staffProfiles, users } from '../db/schema';

/** The centre's active staff with their contact details, by name. */
export async function listCentreContacts(ctx: DomainContext) {
  return ctx.db
    .selectDistinct({
      id: users.id,
      name: users.name,
      email: users.email,
      title: staffProfiles.title,
      responsibilities: staffProfiles.responsibilities,
      phone: staffProfiles.phone,
    })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .leftJoin(staffProfiles, eq(staffProfiles.userId, users.id))
    .where(and(inArray(roleAssignments.role, ['centre_admin', 'centre_staff']), eq(users.status, 'active')))
    .orderBy(users.name);
}

/** The centre contact persons named by the organisations the actor belongs to. */
export async function ownCentreContactIds(ctx: ActorContext): Promise<string[]> {
  const ids = [...memberOrganisationIds(ctx.actor)];
  if (ids.length === 0) return [];
  const rows = await ctx.db.select({ id: organisations.centreContactUserId }).from(organisations).where(inArray(organisations.id, ids));
  return rows.flatMap((r) => (r.id ? [r.id] : []));
}

export type StaffProfileResult = { ok: true } | { ok: false; error: 'notFound' };

export async function saveStaffProfile(
  ctx: ActorContext,
  userId: string,
  input: { title: string; responsibilities: string; phone: string },
): Promise<StaffProfileResult> {
  const staff = await listCentreContacts(ctx);
  if (!staff.some((s) => s.id === userId)) return { ok: false, error: 'notFound' };
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(staffProfiles).where(eq(staffProfiles.userId, userId));
    const row = { userId, ...input, updatedAt: ctx.clock.now() };
    await tx.insert(staffProfiles).values(row).onConflictDoUpdate({ target: staffProfiles.userId, set: row });
    await writeAudit(tx, ctx.clock, {
      action: 'centre.staffProfileSaved',
      actorUserId: ctx.actor.userId,
      targetType: 'user',
      targetId: userId,
      details: { before: before ? { title: before.title, responsibilities: before.responsibilities, phone: before.phone } : null, after: input },
    });
  });
  return { ok: true };
}
