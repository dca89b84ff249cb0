import { eq } from 'drizzle-orm';
import { roleAssignments, units, users } from '../db/schema';
import type { Queryable } from '../db/types';
import type { Actor, RoleGrant } from './roles';

export async function loadGrants(db: Queryable, userId: string): Promise<RoleGrant[]> {
  return db
    .select({
      role: roleAssignments.role,
      organisationId: roleAssignments.organisationId,
      unitId: roleAssignments.unitId,
      unitPath: units.path,
    })
    .from(roleAssignments)
    .leftJoin(units, eq(units.id, roleAssignments.unitId))
    .where(eq(roleAssignments.userId, userId));
}

export async function loadActor(db: Queryable, userId: string): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, language: users.language, status: users.status })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.status !== 'active') return null;
  return { userId: user.id, name: user.name, email: user.email, language: user.language, grants: await loadGrants(db, userId) };
}
