import { and, desc, eq } from 'drizzle-orm';
import { type AuditAction, writeAudit } from '../access/audit';
import { activeOrganisationAdmins, roleHolders } from '../access/approvers';
import { can } from '../access/permissions';
import type { ActorContext } from '../context';
import { organisations, trainingModelComments, trainingModelVersions, trainingModels, users } from '../db/schema';
import type { Transaction } from '../db/types';
import { enqueueEmails } from '../notifications/outbox';
import { templatedEmail } from '../notifications/templated-email';
import { type MissingPart, type ModelContent, missingParts } from './content';
import { type ModelStatus, type ModelStep, nextStatus, stepSide } from './workflow';
import { calculateWorkload } from './workload';

export type ModelError = 'notFound' | 'models.errors.notAllowed' | 'models.errors.incomplete' | 'models.errors.underMinimum';
export type ModelResult = { ok: true; versionId: string } | { ok: false; error: ModelError; missing?: MissingPart[] };

const figures = (content: ModelContent) => {
  const workload = calculateWorkload(content.activities);
  return { workloadThousandths: workload.totalThousandths, creditTenths: workload.creditTenths };
};

/** An organisation's admin starts a model: its first version, a draft. */
export async function createModel(ctx: ActorContext, organisationId: string, content: ModelContent): Promise<{ ok: true; modelId: string; versionId: string }> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [model] = await tx.insert(trainingModels).values({ organisationId, createdBy: ctx.actor.userId, createdAt: now }).returning({ id: trainingModels.id });
    const [version] = await tx.insert(trainingModelVersions).values({ modelId: model!.id, version: 1, content, ...figures(content), createdAt: now, updatedAt: now }).returning({ id: trainingModelVersions.id });
    await writeAudit(tx, ctx.clock, { action: 'model.created', actorUserId: ctx.actor.userId, targetType: 'trainingModel', targetId: model!.id, organisationId, details: { name: content.name } });
    return { ok: true, modelId: model!.id, versionId: version!.id };
  });
}

/** The model's latest version, locked for a step; scoped to the organisation the caller names. */
async function lockLatest(tx: Transaction, organisationId: string, modelId: string) {
  const [latest] = await tx
    .select({ version: trainingModelVersions, organisationId: trainingModels.organisationId, organisationName: organisations.name })
    .from(trainingModelVersions)
    .innerJoin(trainingModels, eq(trainingModels.id, trainingModelVersions.modelId))
    .innerJoin(organisations, eq(organisations.id, trainingModels.organisationId))
    .where(and(eq(trainingModelVersions.modelId, modelId), eq(trainingModels.organisationId, organisationId)))
    .orderBy(desc(trainingModelVersions.version))
    .limit(1)
    .for('update', { of: trainingModelVersions });
  return latest ?? null;
}

const auditOf: Record<ModelStep, AuditAction> = {
  save: 'model.saved',
  submit: 'model.submitted',
  startReview: 'model.reviewStarted',
  return: 'model.returned',
  approve: 'model.approved',
  reject: 'model.rejected',
  comment: 'model.commented',
  newVersion: 'model.versionCreated',
};

/**
 * Takes one step of the workflow on the model's latest version (see workflow.ts for what is allowed
 * where). Saving and submitting carry the content; returning, rejecting and commenting a text that
 * joins the thread. The other side is emailed; every step is audited.
 */
export async function takeModelStep(
  ctx: ActorContext,
  target: { organisationId: string; modelId: string },
  step: ModelStep,
  input: { content?: ModelContent; comment?: string },
  links: { publicUrl: string },
): Promise<ModelResult> {
  return ctx.db.transaction(async (tx) => {
    const latest = await lockLatest(tx, target.organisationId, target.modelId);
    if (!latest) return { ok: false, error: 'notFound' };
    // Each side takes only its own steps (routes authorise first; this keeps the domain honest too).
    const side = stepSide[step];
    const mayWrite = can(ctx.actor, 'model.write', { organisationId: target.organisationId });
    const mayReview = can(ctx.actor, 'model.review');
    if ((side === 'organisation' && !mayWrite) || (side === 'centre' && !mayReview) || (side === 'both' && !mayWrite && !mayReview)) return { ok: false, error: 'models.errors.notAllowed' };
    const { version } = latest;
    const next = nextStatus(version.status, step);
    if (!next) return { ok: false, error: 'models.errors.notAllowed' };
    const now = ctx.clock.now();
    const content = input.content ?? version.content;
    if (step === 'submit') {
      const missing = missingParts(content);
      if (missing.length) return { ok: false, error: 'models.errors.incomplete', missing };
      if (figures(content).creditTenths === null) return { ok: false, error: 'models.errors.underMinimum' };
    }
    let versionId = version.id;
    if (next === 'newDraft') {
      const [created] = await tx
        .insert(trainingModelVersions)
        .values({ modelId: target.modelId, version: version.version + 1, content: version.content, ...figures(version.content), createdAt: now, updatedAt: now })
        .returning({ id: trainingModelVersions.id });
      versionId = created!.id;
    } else {
      const changes: Partial<typeof trainingModelVersions.$inferInsert> = { status: next as ModelStatus, updatedAt: now };
      if (step === 'save' || step === 'submit') Object.assign(changes, { content, ...figures(content) });
      if (step === 'submit') Object.assign(changes, { submittedAt: now, submittedBy: ctx.actor.userId });
      if (step === 'startReview') changes.reviewerId = ctx.actor.userId;
      if (step === 'approve' || step === 'reject' || step === 'return') Object.assign(changes, { decidedAt: now, decidedBy: ctx.actor.userId });
      await tx.update(trainingModelVersions).set(changes).where(eq(trainingModelVersions.id, version.id));
    }
    const comment = input.comment?.trim() ?? '';
    const fromCentre = step === 'startReview' || step === 'return' || step === 'approve' || step === 'reject' || (step === 'comment' && !mayWrite);
    if (comment) await tx.insert(trainingModelComments).values({ versionId: version.id, side: fromCentre ? 'centre' : 'organisation', authorUserId: ctx.actor.userId, body: comment, at: now });
    await writeAudit(tx, ctx.clock, {
      action: auditOf[step],
      actorUserId: ctx.actor.userId,
      targetType: 'trainingModel',
      targetId: target.modelId,
      organisationId: target.organisationId,
      details: { version: next === 'newDraft' ? version.version + 1 : version.version, ...(comment ? { comment } : {}) },
    });
    await notify(tx, ctx, { ...latest, version: { ...version, content } }, step, fromCentre, comment, links);
    return { ok: true, versionId };
  });
}

/** Who hears of a step: staff of a submission and of the organisation's comments (the reviewer when there is one), the admins of the rest. */
async function notify(tx: Transaction, ctx: ActorContext, latest: NonNullable<Awaited<ReturnType<typeof lockLatest>>>, step: ModelStep, fromCentre: boolean, comment: string, links: { publicUrl: string }) {
  const key = ({ submit: 'modelSubmitted', return: 'modelReturned', approve: 'modelApproved', reject: 'modelRejected', comment: 'modelCommented' } as const)[step as 'submit'];
  if (!key) return;
  const toCentre = step === 'submit' || (step === 'comment' && !fromCentre);
  let recipients = toCentre ? await roleHolders(tx, { roles: ['centre_admin', 'centre_staff'], activeOnly: true }) : await activeOrganisationAdmins(tx, latest.organisationId);
  if (toCentre && latest.version.reviewerId) {
    const [reviewer] = await tx.select({ id: users.id, email: users.email, name: users.name, language: users.language }).from(users).where(and(eq(users.id, latest.version.reviewerId), eq(users.status, 'active')));
    if (reviewer) recipients = [reviewer];
  }
  const link = `${links.publicUrl}/organisations/${latest.organisationId}/models/${latest.version.modelId}`;
  await enqueueEmails(
    { db: tx, clock: ctx.clock },
    recipients
      .filter((r) => r.id !== ctx.actor.userId)
      .map((r) => templatedEmail(r, key, { model: latest.version.content.name, organisation: latest.organisationName, version: String(latest.version.version), comment, link })),
  );
}
