import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import type { ActorContext } from '../context';
import { badgeApplications, badgeCredentials, badges, organisations, users } from '../db/schema';
import type { Queryable } from '../db/types';
import { enqueueTemplatedEmail } from '../notifications/templated-email';
import { credentialsOf } from './credentials';
import { getBadge } from './definitions';
import { localised } from './localised';
import { issueCredential } from './issue';
import type { BadgeLinks } from './urls';

/** Whether the person (by email) has a valid credential of the badge. */
async function holdsBadge(db: Queryable, badgeId: string, email: string): Promise<boolean> {
  const [held] = await db
    .select({ id: badgeCredentials.id })
    .from(badgeCredentials)
    .where(and(eq(badgeCredentials.badgeId, badgeId), eq(badgeCredentials.recipientEmail, email.toLowerCase()), isNull(badgeCredentials.revokedAt)));
  return Boolean(held);
}

export type BadgeApplicationError = 'badges.notApplicable' | 'badges.alreadyPending' | 'badges.alreadyHeld' | 'badges.alreadyDecided';

/** An admin applies for a badge given by application; one open application and one valid credential at a time. */
export async function applyForBadge(
  ctx: ActorContext,
  input: { badgeId: string; organisationId: string; justification: string },
): Promise<{ ok: true; applicationId: string } | { ok: false; error: BadgeApplicationError }> {
  const badge = await getBadge(ctx.db, input.badgeId);
  if (!badge || badge.awardedFor !== 'application') return { ok: false, error: 'badges.notApplicable' };
  if (await holdsBadge(ctx.db, badge.id, ctx.actor.email)) return { ok: false, error: 'badges.alreadyHeld' };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(badgeApplications)
      .values({ badgeId: badge.id, userId: ctx.actor.userId, organisationId: input.organisationId, justification: input.justification, createdAt: ctx.clock.now() })
      .onConflictDoNothing()
      .returning({ id: badgeApplications.id });
    if (!row) return { ok: false as const, error: 'badges.alreadyPending' as const };
    await writeAudit(tx, ctx.clock, { action: 'badge.applied', actorUserId: ctx.actor.userId, targetType: 'badgeApplication', targetId: row.id, organisationId: input.organisationId, details: { badgeId: badge.id } });
    return { ok: true as const, applicationId: row.id };
  });
}

const applicationColumns = {
  id: badgeApplications.id,
  badgeId: badgeApplications.badgeId,
  badgeName: badges.name,
  status: badgeApplications.status,
  justification: badgeApplications.justification,
  reason: badgeApplications.reason,
  createdAt: badgeApplications.createdAt,
  decidedAt: badgeApplications.decidedAt,
  applicantName: users.name,
  applicantEmail: users.email,
  organisationId: badgeApplications.organisationId,
  organisationName: organisations.name,
};

function applicationsQuery(ctx: ActorContext) {
  return ctx.db
    .select(applicationColumns)
    .from(badgeApplications)
    .innerJoin(badges, eq(badges.id, badgeApplications.badgeId))
    .innerJoin(users, eq(users.id, badgeApplications.userId))
    .innerJoin(organisations, eq(organisations.id, badgeApplications.organisationId));
}

/** Staff's queue: the waiting ones oldest first, then the latest decided. */
export async function badgeApplicationQueue(ctx: ActorContext) {
  const [waiting, decided] = await Promise.all([
    applicationsQuery(ctx).where(eq(badgeApplications.status, 'pending')).orderBy(badgeApplications.createdAt),
    applicationsQuery(ctx).where(ne(badgeApplications.status, 'pending')).orderBy(desc(badgeApplications.decidedAt)).limit(50),
  ]);
  return { waiting, decided };
}

export async function getBadgeApplication(ctx: ActorContext, applicationId: string) {
  const [row] = await applicationsQuery(ctx).where(eq(badgeApplications.id, applicationId));
  return row ?? null;
}

/** The actor's own applications and credentials, for the badges page of their organisation. */
export async function ownBadges(ctx: ActorContext) {
  const [applications, credentials] = await Promise.all([
    applicationsQuery(ctx).where(eq(badgeApplications.userId, ctx.actor.userId)).orderBy(desc(badgeApplications.createdAt)),
    credentialsOf(ctx.db, ctx.actor.email),
  ]);
  return { applications, credentials };
}

/** Staff approve (the credential is issued in the same transaction) or reject with a reason told to the applicant. */
export async function decideBadgeApplication(
  ctx: ActorContext,
  input: { applicationId: string; approve: boolean; reason: string },
  links: BadgeLinks,
): Promise<{ ok: true; credentialId: string | null } | { ok: false; error: 'notFound' | 'badges.alreadyDecided' | 'badges.alreadyHeld' }> {
  return ctx.db.transaction(async (tx) => {
    const [application] = await tx.select().from(badgeApplications).where(eq(badgeApplications.id, input.applicationId)).for('update');
    if (!application) return { ok: false as const, error: 'notFound' as const };
    if (application.status !== 'pending') return { ok: false as const, error: 'badges.alreadyDecided' as const };
    const [applicant] = await tx.select({ email: users.email, name: users.name, language: users.language }).from(users).where(eq(users.id, application.userId));
    // Approved meanwhile by another application of theirs (a unique index holds this against races too).
    if (input.approve && (await holdsBadge(tx, application.badgeId, applicant!.email))) return { ok: false as const, error: 'badges.alreadyHeld' as const };
    const decidedAt = ctx.clock.now();
    await tx
      .update(badgeApplications)
      .set({ status: input.approve ? 'approved' : 'rejected', decidedBy: ctx.actor.userId, decidedAt, reason: input.reason })
      .where(eq(badgeApplications.id, application.id));
    const badge = (await getBadge(tx, application.badgeId))!;
    const txCtx = { db: tx, clock: ctx.clock };
    await writeAudit(tx, ctx.clock, {
      action: input.approve ? 'badge.approved' : 'badge.rejected',
      actorUserId: ctx.actor.userId,
      targetType: 'badgeApplication',
      targetId: application.id,
      organisationId: application.organisationId,
      details: { reason: input.reason },
    });
    if (!input.approve) {
      await enqueueTemplatedEmail(txCtx, { email: applicant!.email, language: applicant!.language }, 'badgeRejected', {
        name: applicant!.name,
        badge: localised(badge.name, applicant!.language),
        reason: input.reason,
      });
      return { ok: true as const, credentialId: null };
    }
    const credentialId = await issueCredential(
      txCtx,
      { badge, recipient: applicant!, applicationId: application.id, actorUserId: ctx.actor.userId, organisationId: application.organisationId },
      links,
    );
    return { ok: true as const, credentialId };
  });
}
