import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { DomainContext } from '../context';
import { images, roleAssignments, units, users } from '../db/schema';
import { getOrganisationProfile } from './profile';

export const checklistItems = ['profile', 'logo', 'signature', 'internalRules', 'units', 'users'] as const;
export type ChecklistItem = (typeof checklistItems)[number];

/** A new org admin's getting-started list, ticked from the data itself (nothing to mark by hand). */
export async function gettingStarted(ctx: DomainContext, organisationId: string): Promise<Record<ChecklistItem, boolean>> {
  const profile = await getOrganisationProfile(ctx, organisationId);
  const [imageRows, [unitCount], [peopleCount]] = await Promise.all([
    ctx.db.select({ kind: images.kind }).from(images).where(eq(images.ownerKey, organisationId)),
    ctx.db.select({ n: count() }).from(units).where(eq(units.organisationId, organisationId)),
    // Someone besides the admins: a trainer or coordinator who is active or waiting for approval.
    ctx.db
      .select({ n: count() })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.organisationId, organisationId), ne(roleAssignments.role, 'org_admin'), ne(roleAssignments.role, 'participant'), inArray(users.status, ['active', 'pending', 'invited']))),
  ]);
  return {
    profile: Boolean(profile && profile.streetAddress && profile.postalCode && profile.city && profile.contactName && profile.iban),
    logo: imageRows.some((i) => i.kind === 'logo'),
    signature: imageRows.some((i) => i.kind === 'signature'),
    internalRules: Boolean(profile?.internalRules.trim()),
    units: (unitCount?.n ?? 0) > 0,
    users: (peopleCount?.n ?? 0) > 0,
  };
}
