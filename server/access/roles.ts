export const roles = ['centre_admin', 'centre_staff', 'org_admin', 'unit_coordinator', 'trainer', 'participant'] as const;
export type Role = (typeof roles)[number];
export const centreRoles: readonly Role[] = ['centre_admin', 'centre_staff'];

export interface RoleGrant {
  role: Role;
  organisationId: string | null;
  unitId: string | null;
  /** Materialised path of the unit ("/a/b/"), null for centre- and organisation-wide roles. */
  unitPath: string | null;
}

export interface Actor {
  userId: string;
  name: string;
  email: string;
  language: 'fi' | 'sv' | 'en';
  grants: RoleGrant[];
}

export const hasCentreRole = (actor: Actor, ...which: Role[]) =>
  actor.grants.some((g) => (which.length ? which : centreRoles).includes(g.role) && centreRoles.includes(g.role));

/** Organisations where the actor holds any role: another organisation's things answer 404. */
export const memberOrganisationIds = (actor: Actor) =>
  new Set(actor.grants.flatMap((g) => (g.organisationId ? [g.organisationId] : [])));
