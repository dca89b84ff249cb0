import { and, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { OrganisationProfileInput } from '../../app/forms/organisation';
import { writeAudit } from '../access/audit';
import type { ActorContext, DomainContext } from '../context';
import { organisations, roleAssignments, users } from '../db/schema';
import { normaliseIban } from './bank-account';

const updater = alias(users, 'updater');
const centreContact = alias(users, 'centre_contact');

export async function getOrganisationProfile(ctx: DomainContext, organisationId: string) {
  const [row] = await ctx.db
    .select({
      organisation: organisations,
      updatedByName: updater.name,
      centreContact: { id: centreContact.id, name: centreContact.name, email: centreContact.email },
    })
    .from(organisations)
    .leftJoin(updater, eq(updater.id, organisations.updatedBy))
    .leftJoin(centreContact, eq(centreContact.id, organisations.centreContactUserId))
    .where(eq(organisations.id, organisationId));
  if (!row) return null;
  return { ...row.organisation, updatedByName: row.updatedByName, centreContact: row.centreContact?.id ? row.centreContact : null };
}

/** Centre staff who can be an organisation's contact person at the centre. */
export async function centreStaffOptions(ctx: DomainContext) {
  return ctx.db
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(inArray(roleAssignments.role, ['centre_admin', 'centre_staff']), eq(users.status, 'active')))
    .orderBy(users.name);
}

export type ProfileResult =
  | { ok: true; changed: string[] }
  | { ok: false; field: 'businessId'; error: 'profile.businessIdTaken' }
  | { ok: false; field: 'centreContactUserId'; error: 'forms.invalidValue' }
  | { ok: false; field: '_form'; error: 'profile.membershipEnded' };

/**
 * Saves the profile. Only the fields that changed are written to the audit log, with their
 * before and after values; the page shows who changed it last and when.
 */
export async function updateOrganisationProfile(
  ctx: ActorContext,
  organisationId: string,
  input: OrganisationProfileInput,
  options: { mayChooseCentreContact: boolean },
): Promise<ProfileResult> {
  const next = {
    name: input.name,
    businessId: input.businessId,
    streetAddress: input.streetAddress,
    postalCode: input.postalCode,
    city: input.city,
    contactName: input.contactName,
    contactEmail: input.contactEmail.toLowerCase(),
    contactPhone: input.contactPhone,
    website: input.website,
    iban: input.iban ? normaliseIban(input.iban)! : '',
    bic: input.bic.toUpperCase(),
    membershipStart: input.membershipStart || null,
    internalRules: input.internalRules,
    ...(options.mayChooseCentreContact && input.centreContactUserId !== undefined
      ? { centreContactUserId: input.centreContactUserId || null }
      : {}),
  };
  if (next.centreContactUserId) {
    const staff = await centreStaffOptions(ctx);
    if (!staff.some((s) => s.id === next.centreContactUserId)) return { ok: false, field: 'centreContactUserId', error: 'forms.invalidValue' };
  }
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(organisations).where(eq(organisations.id, organisationId)).for('update');
    if (!current || current.endedAt) return { ok: false as const, field: '_form' as const, error: 'profile.membershipEnded' as const };
    const [taken] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.businessId, next.businessId), ne(organisations.id, organisationId)));
    if (taken) return { ok: false as const, field: 'businessId' as const, error: 'profile.businessIdTaken' as const };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => (current[key] ?? null) !== (next[key] ?? null));
    if (changed.length === 0) return { ok: true as const, changed };
    await tx
      .update(organisations)
      .set({ ...next, updatedAt: ctx.clock.now(), updatedBy: ctx.actor.userId })
      .where(eq(organisations.id, organisationId));
    await writeAudit(tx, ctx.clock, {
      action: 'organisation.profileUpdated',
      actorUserId: ctx.actor.userId,
      targetType: 'organisation',
      targetId: organisationId,
      organisationId,
      details: {
        before: Object.fromEntries(changed.map((key) => [key, current[key] ?? null])),
        after: Object.fromEntries(changed.map((key) => [key, next[key] ?? null])),
      },
    });
    return { ok: true as const, changed };
  });
}
