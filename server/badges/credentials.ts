import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import type { ActorContext, WriteContext } from '../context';
import { badgeCredentials, badges } from '../db/schema';
import type { Queryable } from '../db/types';
import { enqueueTemplatedEmail } from '../notifications/templated-email';
import { type Page, pageOffset, pageSize, toPage } from '../pagination';
import { bakePng } from './baking';
import { localised } from './localised';

const listColumns = {
  id: badgeCredentials.id,
  badgeId: badgeCredentials.badgeId,
  badgeName: badges.name,
  recipientName: badgeCredentials.recipientName,
  recipientEmail: badgeCredentials.recipientEmail,
  issuedAt: badgeCredentials.issuedAt,
  revokedAt: badgeCredentials.revokedAt,
};

export type IssuedCredentialRow = { id: string; badgeId: string; badgeName: { fi: string; sv: string; en: string }; recipientName: string; recipientEmail: string; issuedAt: Date; revokedAt: Date | null };

/** Staff's list of issued credentials, newest first, optionally of one badge. */
export async function issuedCredentials(ctx: ActorContext, filter: { badgeId: string | null; page: number }): Promise<Page<IssuedCredentialRow>> {
  const where = filter.badgeId ? eq(badgeCredentials.badgeId, filter.badgeId) : undefined;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select(listColumns)
      .from(badgeCredentials)
      .innerJoin(badges, eq(badges.id, badgeCredentials.badgeId))
      .where(where)
      .orderBy(desc(badgeCredentials.issuedAt), desc(badgeCredentials.statusListIndex))
      .limit(pageSize)
      .offset(pageOffset(filter.page)),
    ctx.db.select({ n: count() }).from(badgeCredentials).where(where),
  ]);
  return toPage(rows, total?.n ?? 0, filter.page);
}

/** One credential with its badge, for staff and for the public page (which shows no email). */
export async function getCredential(db: Queryable, credentialId: string) {
  const [row] = await db
    .select({ credential: badgeCredentials, badge: badges })
    .from(badgeCredentials)
    .innerJoin(badges, eq(badges.id, badgeCredentials.badgeId))
    .where(eq(badgeCredentials.id, credentialId));
  return row ?? null;
}

/** The badge's image with this credential baked in. */
export async function bakedImage(db: Queryable, credentialId: string): Promise<Uint8Array | null> {
  const found = await getCredential(db, credentialId);
  return found ? bakePng(new Uint8Array(Buffer.from(found.badge.image, 'base64')), found.credential.jwt) : null;
}

/** A participant's or admin's credentials, by their email (the portal's list). */
export async function credentialsOf(db: Queryable, email: string) {
  return db
    .select({ id: badgeCredentials.id, badgeId: badgeCredentials.badgeId, badgeName: badges.name, issuedAt: badgeCredentials.issuedAt, revokedAt: badgeCredentials.revokedAt })
    .from(badgeCredentials)
    .innerJoin(badges, eq(badges.id, badgeCredentials.badgeId))
    .where(eq(badgeCredentials.recipientEmail, email.toLowerCase()))
    .orderBy(desc(badgeCredentials.issuedAt));
}

/**
 * Revokes in the caller's transaction: the status list shows it at once (it is built on request)
 * and the recipient is told why. False when it was already revoked.
 */
export async function revokeInTransaction(ctx: WriteContext, credentialId: string, revocation: { reason: string; actorUserId: string | null }): Promise<boolean> {
  const [row] = await ctx.db
    .update(badgeCredentials)
    .set({ revokedAt: ctx.clock.now(), revokedBy: revocation.actorUserId, revocationReason: revocation.reason })
    .where(and(eq(badgeCredentials.id, credentialId), isNull(badgeCredentials.revokedAt)))
    .returning();
  if (!row) return false;
  const [badge] = await ctx.db.select({ name: badges.name }).from(badges).where(eq(badges.id, row.badgeId));
  await writeAudit(ctx.db, ctx.clock, { action: 'badge.revoked', actorUserId: revocation.actorUserId, targetType: 'badgeCredential', targetId: row.id, organisationId: row.organisationId, details: { reason: revocation.reason } });
  await enqueueTemplatedEmail(ctx, { email: row.recipientEmail, language: row.language }, 'badgeRevoked', {
    name: row.recipientName,
    badge: localised(badge!.name, row.language),
    reason: revocation.reason,
  });
  return true;
}

export async function revokeCredential(ctx: ActorContext, input: { credentialId: string; reason: string }): Promise<'revoked' | 'alreadyRevoked' | 'notFound'> {
  return ctx.db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: badgeCredentials.id }).from(badgeCredentials).where(eq(badgeCredentials.id, input.credentialId)).for('update');
    if (!exists) return 'notFound' as const;
    const revoked = await revokeInTransaction({ db: tx, clock: ctx.clock }, input.credentialId, { reason: input.reason, actorUserId: ctx.actor.userId });
    return revoked ? ('revoked' as const) : ('alreadyRevoked' as const);
  });
}
