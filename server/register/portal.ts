import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Language } from '../../app/i18n';
import { writeAudit } from '../access/audit';
import { type RateLimit, takeRateLimit } from '../access/rate-limit';
import { hashToken, newLinkSecret } from '../access/tokens';
import type { DomainContext } from '../context';
import { participantProfiles, portalLinks, portalSessions, studyRegisterEntries, trainingParticipants } from '../db/schema';
import { queryRows } from '../db/query-rows';
import type { Queryable } from '../db/types';
import { enqueueTemplatedEmail } from '../notifications/templated-email';

/** Links sent to one address: enough for a few tries, not for keeping its owner's inbox (and links) churning. */
export const linksPerAddress: RateLimit = { limit: 5, windowMs: 60 * 60_000 };

/** A sign-in link works once, for a quarter of an hour; a portal session lasts a working day. */
export const portalLinkLifetimeMs = 15 * 60_000;
export const portalSessionLifetimeMs = 8 * 3_600_000;

/** Whether the address is one the portal knows: someone on a training, or in the register. */
async function isKnownParticipant(db: Queryable, email: string): Promise<boolean> {
  const [row] = await queryRows<{ known: boolean }>(
    db,
    sql`select exists (select 1 from ${trainingParticipants} where lower(${trainingParticipants.email}) = ${email} and ${trainingParticipants.email} <> '')
        or exists (select 1 from ${studyRegisterEntries} where ${studyRegisterEntries.personEmail} = ${email}) as known`,
  );
  return row?.known === true;
}

/**
 * Emails a one-time sign-in link to an address the portal knows. The caller answers the same
 * either way, so the page does not tell who has been on a training.
 */
export async function requestPortalLink(ctx: DomainContext, email: string, language: Language, links: { publicUrl: string }): Promise<void> {
  const address = email.trim().toLowerCase();
  await ctx.db.transaction(async (tx) => {
    if (!(await isKnownParticipant(tx, address))) return;
    // Checked silently, after the address is known: the page answers the same whatever happens here.
    if (!(await takeRateLimit(tx, ctx.clock, `portal-link-address:${address}`, linksPerAddress))) return;
    const now = ctx.clock.now();
    // Earlier unused links stop working: only the newest email's link signs in.
    await tx.update(portalLinks).set({ usedAt: now }).where(and(eq(portalLinks.email, address), isNull(portalLinks.usedAt)));
    await tx.delete(portalLinks).where(lte(portalLinks.expiresAt, new Date(now.getTime() - 86_400_000)));
    const secret = newLinkSecret();
    await tx.insert(portalLinks).values({ tokenHash: secret.hash, email: address, createdAt: now, expiresAt: new Date(now.getTime() + portalLinkLifetimeMs) });
    const [profile] = await tx.select({ language: participantProfiles.language }).from(participantProfiles).where(eq(participantProfiles.email, address));
    await enqueueTemplatedEmail({ db: tx, clock: ctx.clock }, { email: address, language: profile?.language ?? language }, 'portalSignIn', { signInUrl: `${links.publicUrl}/portal/sign-in/${secret.token}` });
  });
}

export type PortalLinkCheck = { ok: true; email: string } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

export async function checkPortalLink(ctx: DomainContext, token: string): Promise<PortalLinkCheck> {
  const [row] = await ctx.db.select().from(portalLinks).where(eq(portalLinks.tokenHash, hashToken(token)));
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.usedAt) return { ok: false, reason: 'used' };
  if (row.expiresAt <= ctx.clock.now()) return { ok: false, reason: 'expired' };
  return { ok: true, email: row.email };
}

/** Uses the link (of two uses at once exactly one succeeds) and opens a portal session; returns its secret. */
export async function signInWithPortalLink(ctx: DomainContext, token: string): Promise<({ ok: true; sessionToken: string } & { email: string }) | Exclude<PortalLinkCheck, { ok: true }>> {
  const check = await checkPortalLink(ctx, token);
  if (!check.ok) return check;
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [used] = await tx
      .update(portalLinks)
      .set({ usedAt: now })
      .where(and(eq(portalLinks.tokenHash, hashToken(token)), isNull(portalLinks.usedAt), gt(portalLinks.expiresAt, now)))
      .returning({ email: portalLinks.email });
    if (!used) return { ok: false as const, reason: 'used' as const };
    const session = newLinkSecret();
    await tx.delete(portalSessions).where(lte(portalSessions.expiresAt, now));
    await tx.insert(portalSessions).values({ tokenHash: session.hash, email: used.email, createdAt: now, expiresAt: new Date(now.getTime() + portalSessionLifetimeMs) });
    await writeAudit(tx, ctx.clock, { action: 'portal.signedIn', actorUserId: null, targetType: 'participantProfile', details: {} });
    return { ok: true as const, sessionToken: session.token, email: used.email };
  });
}

/** The email address a portal session is for, while it lasts. */
export async function portalSessionEmail(ctx: DomainContext, sessionToken: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ email: portalSessions.email })
    .from(portalSessions)
    .where(and(eq(portalSessions.tokenHash, hashToken(sessionToken)), gt(portalSessions.expiresAt, ctx.clock.now())));
  return row?.email ?? null;
}

export async function signOutOfPortal(ctx: DomainContext, sessionToken: string): Promise<void> {
  await ctx.db.delete(portalSessions).where(or(eq(portalSessions.tokenHash, hashToken(sessionToken)), lte(portalSessions.expiresAt, ctx.clock.now())));
}

/** The participant's language of the portal and of their emails. */
export async function setPortalLanguage(ctx: DomainContext, email: string, language: Language): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(participantProfiles).values({ email, language, updatedAt: now }).onConflictDoUpdate({ target: participantProfiles.email, set: { language, updatedAt: now } });
    await tx.update(trainingParticipants).set({ language }).where(and(sql`lower(${trainingParticipants.email}) = ${email}`, sql`${trainingParticipants.email} <> ''`));
  });
}
