import { and, eq, inArray, isNull } from 'drizzle-orm';
import { organisations, roleAssignments, users } from '../db/schema';
import type { Queryable } from '../db/types';
import type { Role } from './roles';

export interface Recipient {
  id: string;
  email: string;
  name: string;
  language: 'fi' | 'sv' | 'en';
}

/** The people holding one of the roles, in an organisation or a unit when given, by name. */
export async function roleHolders(
  db: Queryable,
  holding: { roles: Role[]; organisationId?: string; unitId?: string; activeOnly?: boolean },
): Promise<Recipient[]> {
  return db
    .selectDistinct({ id: users.id, email: users.email, name: users.name, language: users.language })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        inArray(roleAssignments.role, holding.roles),
        holding.organisationId ? eq(roleAssignments.organisationId, holding.organisationId) : undefined,
        holding.unitId ? eq(roleAssignments.unitId, holding.unitId) : undefined,
        holding.activeOnly ? eq(users.status, 'active') : undefined,
      ),
    )
    .orderBy(users.name);
}

export const activeOrganisationAdmins = (db: Queryable, organisationId: string) =>
  roleHolders(db, { roles: ['org_admin'], organisationId, activeOnly: true });

/** Who approves a registration: the organisation's admins, or centre staff where it has none. */
export async function registrationApprovers(db: Queryable, organisationId: string): Promise<Recipient[]> {
  const admins = await activeOrganisationAdmins(db, organisationId);
  if (admins.length) return admins;
  return roleHolders(db, { roles: ['centre_admin', 'centre_staff'], activeOnly: true });
}

/** The user's roles in one organisation; none means the user is not this organisation's to see. */
export async function rolesInOrganisation(db: Queryable, userId: string, organisationId: string) {
  return db
    .select({ role: roleAssignments.role, unitId: roleAssignments.unitId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.organisationId, organisationId)));
}

/**
 * Active admins of member organisations (all, or of the given ones), once each whatever the number
 * of organisations they run; ordered by id, so that concurrent claims for them cannot deadlock.
 */
export function memberAdmins(db: Queryable, organisationIds?: string[]) {
  return db
    .selectDistinct({ id: users.id, email: users.email, language: users.language })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .where(
      and(
        eq(roleAssignments.role, 'org_admin'),
        eq(users.status, 'active'),
        isNull(organisations.endedAt),
        organisationIds ? inArray(organisations.id, organisationIds) : undefined,
      ),
    )
    .orderBy(users.id);
}
