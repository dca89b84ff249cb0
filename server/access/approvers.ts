import { and, eq, inArray } from 'drizzle-orm';
import { roleAssignments, users } from '../db/schema';
import type { Queryable } from '../db/types';

export interface Recipient {
  id: string;
  email: string;
  name: string;
  language: 'fi' | 'sv' | 'en';
}

const recipientColumns = { id: users.id, email: users.email, name: users.name, language: users.language };

export async function activeOrganisationAdmins(db: Queryable, organisationId: string): Promise<Recipient[]> {
  return db
    .selectDistinct(recipientColumns)
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.organisationId, organisationId), eq(roleAssignments.role, 'org_admin'), eq(users.status, 'active')));
}

/** Who approves a registration: the organisation's admins, or centre staff where it has none. */
export async function registrationApprovers(db: Queryable, organisationId: string): Promise<Recipient[]> {
  const admins = await activeOrganisationAdmins(db, organisationId);
  if (admins.length) return admins;
  return db
    .selectDistinct(recipientColumns)
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(inArray(roleAssignments.role, ['centre_admin', 'centre_staff']), eq(users.status, 'active')));
}

/** The user's roles in one organisation; none means the user is not this organisation's to see. */
export async function rolesInOrganisation(db: Queryable, userId: string, organisationId: string) {
  return db
    .select({ role: roleAssignments.role, unitId: roleAssignments.unitId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.organisationId, organisationId)));
}
