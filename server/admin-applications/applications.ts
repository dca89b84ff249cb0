import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { activeOrganisationAdmins, rolesInOrganisation } from '../access/approvers';
import { writeAudit } from '../access/audit';
import { hasCentreRole } from '../access/roles';
import type { ActorContext } from '../context';
import { adminApplications, auditLog, organisations, roleAssignments, signatureRecords, users } from '../db/schema';
import { enqueueTemplatedEmail } from '../notifications/templated-email';
import { addSignaturePage, renderApplicationPdf } from './pdf';
import type { SigningMethod } from './signing';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

export type ApplicationError =
  | 'adminApplication.notMember'
  | 'adminApplication.alreadyAdmin'
  | 'adminApplication.openApplication'
  | 'adminApplication.wrongState'
  | 'adminApplication.reviewedChanged'
  | 'adminApplication.wrongPassword'
  | 'adminApplication.tampered'
  | 'adminApplication.lastAdmin'
  | 'profile.membershipEnded';
export type ApplicationResult = { ok: true; applicationId: string } | { ok: false; error: 'notFound' } | { ok: false; error: ApplicationError };

/** Starts an application: the PDF the applicant will review is made and stored now. */
export async function createApplication(ctx: ActorContext, input: { organisationId: string; justification: string }): Promise<ApplicationResult> {
  const roles = await rolesInOrganisation(ctx.db, ctx.actor.userId, input.organisationId);
  if (roles.length === 0) return { ok: false, error: 'adminApplication.notMember' };
  if (roles.some((r) => r.role === 'org_admin')) return { ok: false, error: 'adminApplication.alreadyAdmin' };
  const [open] = await ctx.db
    .select({ id: adminApplications.id })
    .from(adminApplications)
    .where(and(eq(adminApplications.userId, ctx.actor.userId), eq(adminApplications.organisationId, input.organisationId), inArray(adminApplications.status, ['draft', 'signed'])));
  if (open) return { ok: false, error: 'adminApplication.openApplication' };
  const [organisation] = await ctx.db.select({ name: organisations.name, endedAt: organisations.endedAt }).from(organisations).where(eq(organisations.id, input.organisationId));
  if (organisation!.endedAt) return { ok: false, error: 'profile.membershipEnded' };
  const createdAt = ctx.clock.now();
  const pdf = await renderApplicationPdf({
    applicantName: ctx.actor.name,
    applicantEmail: ctx.actor.email,
    organisationName: organisation!.name,
    justification: input.justification,
    createdAt,
    language: ctx.actor.language,
  });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(adminApplications)
      .values({ userId: ctx.actor.userId, organisationId: input.organisationId, justification: input.justification, reviewedPdf: Buffer.from(pdf).toString('base64'), reviewedSha256: sha256(pdf), createdAt })
      .returning({ id: adminApplications.id });
    await writeAudit(tx, ctx.clock, { action: 'adminApplication.created', actorUserId: ctx.actor.userId, targetType: 'adminApplication', targetId: row!.id, organisationId: input.organisationId });
    return { ok: true as const, applicationId: row!.id };
  });
}

/**
 * Signs the applicant's own draft: the signer proves who they are with the signing method, and
 * the hash of what they reviewed must be the hash of what is stored.
 */
export async function signApplication(
  ctx: ActorContext,
  input: { applicationId: string; reviewedSha256: string; password: string; ip: string | null },
  method: SigningMethod,
  baseUrl: string,
): Promise<ApplicationResult> {
  const [application] = await ctx.db.select().from(adminApplications).where(eq(adminApplications.id, input.applicationId));
  if (!application || application.userId !== ctx.actor.userId) return { ok: false, error: 'notFound' };
  if (application.status !== 'draft') return { ok: false, error: 'adminApplication.wrongState' };
  if (application.reviewedSha256 !== input.reviewedSha256) return { ok: false, error: 'adminApplication.reviewedChanged' };
  if (!(await method.verify(ctx, { password: input.password }))) return { ok: false, error: 'adminApplication.wrongPassword' };
  const signedAt = ctx.clock.now();
  const reviewed = fromBase64(application.reviewedPdf);
  const signed = await addSignaturePage(reviewed, { signerName: ctx.actor.name, signedAt, ip: input.ip, method: method.name, sha256: application.reviewedSha256, language: ctx.actor.language });
  return ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(adminApplications)
      .set({ status: 'signed', signedPdf: Buffer.from(signed).toString('base64') })
      .where(and(eq(adminApplications.id, application.id), eq(adminApplications.status, 'draft')))
      .returning({ id: adminApplications.id });
    if (updated.length === 0) return { ok: false as const, error: 'adminApplication.wrongState' as const };
    await tx.insert(signatureRecords).values({ applicationId: application.id, signerUserId: ctx.actor.userId, signedAt, ip: input.ip, method: method.name, sha256: application.reviewedSha256 });
    // The organisation's admins and its contact person at the centre are told.
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, application.organisationId));
    const recipients = await activeOrganisationAdmins(tx, application.organisationId);
    if (organisation?.centreContactUserId) {
      const [contact] = await tx.select().from(users).where(eq(users.id, organisation.centreContactUserId));
      if (contact) recipients.push(contact);
    }
    for (const recipient of recipients) {
      await enqueueTemplatedEmail({ db: tx, clock: ctx.clock }, recipient, 'adminApplicationSigned', {
        name: ctx.actor.name,
        organisation: organisation?.name ?? '',
        url: `${baseUrl}/admin-applications/${application.id}`,
      });
    }
    await writeAudit(tx, ctx.clock, {
      action: 'adminApplication.signed',
      actorUserId: ctx.actor.userId,
      targetType: 'adminApplication',
      targetId: application.id,
      organisationId: application.organisationId,
      details: { method: method.name, sha256: application.reviewedSha256 },
      ip: input.ip,
    });
    return { ok: true as const, applicationId: application.id };
  });
}

/** True when the stored reviewed PDF still has the hash recorded at signing. */
export async function verifySignature(ctx: ActorContext, applicationId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ pdf: adminApplications.reviewedPdf, recorded: signatureRecords.sha256 })
    .from(adminApplications)
    .innerJoin(signatureRecords, eq(signatureRecords.applicationId, adminApplications.id))
    .where(eq(adminApplications.id, applicationId));
  return Boolean(row) && sha256(fromBase64(row!.pdf)) === row!.recorded;
}

/** Centre staff approve (the applicant becomes org_admin) or reject a signed application; the applicant is emailed. */
export async function decideApplication(
  ctx: ActorContext,
  input: { applicationId: string; approve: boolean; reason: string },
  baseUrl: string,
): Promise<ApplicationResult> {
  const [application] = await ctx.db.select().from(adminApplications).where(eq(adminApplications.id, input.applicationId));
  if (!application) return { ok: false, error: 'notFound' };
  if (application.status !== 'signed') return { ok: false, error: 'adminApplication.wrongState' };
  if (input.approve && !(await verifySignature(ctx, application.id))) return { ok: false, error: 'adminApplication.tampered' };
  return ctx.db.transaction(async (tx) => {
    const decided = await tx
      .update(adminApplications)
      .set({ status: input.approve ? 'approved' : 'rejected', decidedBy: ctx.actor.userId, decidedAt: ctx.clock.now(), decisionReason: input.reason || null })
      .where(and(eq(adminApplications.id, application.id), eq(adminApplications.status, 'signed')))
      .returning({ id: adminApplications.id });
    if (decided.length === 0) return { ok: false as const, error: 'adminApplication.wrongState' as const };
    if (input.approve) {
      await tx.insert(roleAssignments).values({ userId: application.userId, role: 'org_admin', organisationId: application.organisationId }).onConflictDoNothing();
    }
    const [applicant] = await tx.select().from(users).where(eq(users.id, application.userId));
    const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, application.organisationId));
    await enqueueTemplatedEmail({ db: tx, clock: ctx.clock }, applicant!, input.approve ? 'adminApplicationApproved' : 'adminApplicationRejected', {
      name: applicant!.name,
      organisation: organisation?.name ?? '',
      reason: input.reason || '–',
      url: `${baseUrl}/login`,
    });
    await writeAudit(tx, ctx.clock, {
      action: input.approve ? 'adminApplication.approved' : 'adminApplication.rejected',
      actorUserId: ctx.actor.userId,
      targetType: 'adminApplication',
      targetId: application.id,
      organisationId: application.organisationId,
      details: input.reason ? { reason: input.reason } : {},
    });
    return { ok: true as const, applicationId: application.id };
  });
}

/**
 * An admin gives up the role. The last active admin cannot leave without a successor, unless
 * centre staff remove the role (they can always do so).
 */
export async function giveUpAdminRole(ctx: ActorContext, input: { organisationId: string; userId: string }): Promise<ApplicationResult> {
  const isSelf = input.userId === ctx.actor.userId;
  if (!isSelf && !hasCentreRole(ctx.actor)) return { ok: false, error: 'notFound' };
  return ctx.db.transaction(async (tx) => {
    // Locks the organisation's admin rows so two admins cannot both leave at once.
    const admins = await tx
      .select({ userId: roleAssignments.userId, status: users.status })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.organisationId, input.organisationId), eq(roleAssignments.role, 'org_admin')))
      .for('update', { of: roleAssignments });
    if (!admins.some((a) => a.userId === input.userId)) return { ok: false as const, error: 'notFound' as const };
    const othersActive = admins.filter((a) => a.userId !== input.userId && a.status === 'active').length;
    if (othersActive === 0 && !hasCentreRole(ctx.actor)) return { ok: false as const, error: 'adminApplication.lastAdmin' as const };
    await tx
      .delete(roleAssignments)
      .where(and(eq(roleAssignments.userId, input.userId), eq(roleAssignments.organisationId, input.organisationId), eq(roleAssignments.role, 'org_admin')));
    await writeAudit(tx, ctx.clock, {
      action: 'access.roleRevoked',
      actorUserId: ctx.actor.userId,
      targetType: 'user',
      targetId: input.userId,
      organisationId: input.organisationId,
      details: { role: 'org_admin', lastAdminOverride: othersActive === 0 },
    });
    return { ok: true as const, applicationId: '' };
  });
}

/** Organisations where the actor could apply: a trainer or coordinator there, not yet its admin. */
export async function organisationsToApplyFor(ctx: ActorContext) {
  const admin = new Set(ctx.actor.grants.flatMap((g) => (g.role === 'org_admin' && g.organisationId ? [g.organisationId] : [])));
  const ids = [...new Set(ctx.actor.grants.flatMap((g) => ((g.role === 'trainer' || g.role === 'unit_coordinator') && g.organisationId && !admin.has(g.organisationId) ? [g.organisationId] : [])))];
  if (ids.length === 0) return [];
  return ctx.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids)).orderBy(organisations.name);
}

const applicationColumns = {
  id: adminApplications.id,
  userId: adminApplications.userId,
  status: adminApplications.status,
  justification: adminApplications.justification,
  createdAt: adminApplications.createdAt,
  decidedAt: adminApplications.decidedAt,
  decisionReason: adminApplications.decisionReason,
  reviewedSha256: adminApplications.reviewedSha256,
  organisationId: organisations.id,
  organisationName: organisations.name,
  applicantName: users.name,
  applicantEmail: users.email,
};

function applicationsQuery(ctx: ActorContext) {
  return ctx.db
    .select(applicationColumns)
    .from(adminApplications)
    .innerJoin(organisations, eq(organisations.id, adminApplications.organisationId))
    .innerJoin(users, eq(users.id, adminApplications.userId));
}

export async function ownApplications(ctx: ActorContext) {
  return applicationsQuery(ctx).where(eq(adminApplications.userId, ctx.actor.userId)).orderBy(desc(adminApplications.createdAt));
}

/** One application: the applicant's own, or any for centre staff; null otherwise. */
export async function getApplication(ctx: ActorContext, applicationId: string, options: { asStaff: boolean }) {
  const [row] = await applicationsQuery(ctx).where(eq(adminApplications.id, applicationId));
  if (!row || (!options.asStaff && row.userId !== ctx.actor.userId)) return null;
  return row;
}

/** The staff queue: signed applications first (oldest first), then the latest decisions. */
export async function applicationQueue(ctx: ActorContext) {
  const [waiting, decided] = await Promise.all([
    applicationsQuery(ctx).where(eq(adminApplications.status, 'signed')).orderBy(asc(adminApplications.createdAt)),
    applicationsQuery(ctx).where(inArray(adminApplications.status, ['approved', 'rejected'])).orderBy(desc(adminApplications.decidedAt)).limit(50),
  ]);
  return { waiting, decided };
}

export async function signatureOf(ctx: ActorContext, applicationId: string) {
  const [row] = await ctx.db.select().from(signatureRecords).where(eq(signatureRecords.applicationId, applicationId));
  return row ?? null;
}

/** The signed copy once signed, else the reviewed document. */
export async function applicationPdf(ctx: ActorContext, applicationId: string): Promise<Uint8Array | null> {
  const [row] = await ctx.db.select({ reviewed: adminApplications.reviewedPdf, signed: adminApplications.signedPdf }).from(adminApplications).where(eq(adminApplications.id, applicationId));
  return row ? fromBase64(row.signed ?? row.reviewed) : null;
}

/** The application's history from the audit log: who did what and when. */
export async function applicationHistory(ctx: ActorContext, applicationId: string) {
  return ctx.db
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.targetType, 'adminApplication'), eq(auditLog.targetId, applicationId)))
    .orderBy(asc(auditLog.id));
}
