import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import type { ActorContext } from '../context';
import { type LocalisedText, badges, organisations, trainingModelVersions, trainingModels } from '../db/schema';
import type { Queryable } from '../db/types';
import { checkImage } from '../organisations/image-check';

export interface BadgeInput {
  name: LocalisedText;
  description: LocalisedText;
  criteria: LocalisedText;
  /** Empty when editing keeps the image. */
  image: Uint8Array;
}

export type BadgeSaveError = 'badges.imageNotPng' | 'badges.imageRequired' | 'badges.modelTaken' | 'badges.modelNotApproved' | 'images.tooLarge' | 'images.truncated' | 'images.badDimensions';
export type BadgeSaveResult = { ok: true; badgeId: string } | { ok: false; field: 'image' | 'modelId'; error: BadgeSaveError } | { ok: false; field: null; error: 'notFound' };

/** A badge's image: a whole PNG only, since it is baked with the credential. */
function checkBadgeImage(bytes: Uint8Array): BadgeSaveError | null {
  const check = checkImage(bytes);
  if (!check.ok) return check.error === 'images.empty' ? 'badges.imageRequired' : check.error === 'images.notAnImage' ? 'badges.imageNotPng' : check.error;
  return check.mimeType === 'image/png' ? null : 'badges.imageNotPng';
}

/** The latest approved name of each model, where the model has an approved version. */
const approvedModelName = sql<string>`(
  SELECT v.content->>'name' FROM ${trainingModelVersions} v
  WHERE v.model_id = "training_models"."id" AND v.status = 'approved' ORDER BY v.version DESC LIMIT 1)`;

/** Models a badge can be defined for: approved, and without a badge yet. */
export async function modelsWithoutBadge(ctx: ActorContext) {
  const rows = await ctx.db
    .select({ modelId: trainingModels.id, modelName: approvedModelName, organisationName: organisations.name })
    .from(trainingModels)
    .innerJoin(organisations, eq(organisations.id, trainingModels.organisationId))
    .leftJoin(badges, eq(badges.modelId, trainingModels.id))
    .where(and(isNull(badges.id), sql`${approvedModelName} IS NOT NULL`))
    .orderBy(organisations.name);
  return rows.sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'fi') || a.modelName.localeCompare(b.modelName, 'fi'));
}

export async function createBadge(ctx: ActorContext, input: BadgeInput & { modelId: string | null }): Promise<BadgeSaveResult> {
  const imageError = checkBadgeImage(input.image);
  if (imageError) return { ok: false, field: 'image', error: imageError };
  if (input.modelId && !(await modelsWithoutBadge(ctx)).some((m) => m.modelId === input.modelId)) {
    const [taken] = await ctx.db.select({ id: badges.id }).from(badges).where(eq(badges.modelId, input.modelId));
    return { ok: false, field: 'modelId', error: taken ? 'badges.modelTaken' : 'badges.modelNotApproved' };
  }
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(badges)
      .values({
        awardedFor: input.modelId ? 'model' : 'application',
        modelId: input.modelId,
        name: input.name,
        description: input.description,
        criteria: input.criteria,
        image: Buffer.from(input.image).toString('base64'),
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: badges.modelId })
      .returning({ id: badges.id });
    if (!row) return { ok: false as const, field: 'modelId' as const, error: 'badges.modelTaken' as const };
    await writeAudit(tx, ctx.clock, { action: 'badge.created', actorUserId: ctx.actor.userId, targetType: 'badge', targetId: row.id, details: { name: input.name.fi, modelId: input.modelId } });
    return { ok: true as const, badgeId: row.id };
  });
}

/** A change applies to credentials issued from now on; those issued keep what they were signed with. */
export async function updateBadge(ctx: ActorContext, badgeId: string, input: BadgeInput): Promise<BadgeSaveResult> {
  const imageError = input.image.length > 0 ? checkBadgeImage(input.image) : null;
  if (imageError) return { ok: false, field: 'image', error: imageError };
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ name: badges.name, description: badges.description, criteria: badges.criteria }).from(badges).where(eq(badges.id, badgeId)).for('update');
    if (!before) return { ok: false as const, field: null, error: 'notFound' as const };
    const image = input.image.length > 0 ? { image: Buffer.from(input.image).toString('base64') } : {};
    await tx
      .update(badges)
      .set({ name: input.name, description: input.description, criteria: input.criteria, ...image, updatedAt: ctx.clock.now() })
      .where(eq(badges.id, badgeId));
    await writeAudit(tx, ctx.clock, {
      action: 'badge.updated',
      actorUserId: ctx.actor.userId,
      targetType: 'badge',
      targetId: badgeId,
      details: { before, after: { name: input.name, description: input.description, criteria: input.criteria }, imageChanged: input.image.length > 0 },
    });
    return { ok: true as const, badgeId };
  });
}

const issuedCount = sql<number>`(SELECT count(*)::int FROM badge_credentials c WHERE c.badge_id = "badges"."id")`;
const pendingCount = sql<number>`(SELECT count(*)::int FROM badge_applications a WHERE a.badge_id = "badges"."id" AND a.status = 'pending')`;

export async function listBadges(ctx: ActorContext) {
  return ctx.db
    .select({ id: badges.id, name: badges.name, awardedFor: badges.awardedFor, modelId: badges.modelId, issued: issuedCount, pending: pendingCount, updatedAt: badges.updatedAt })
    .from(badges)
    .orderBy(desc(badges.createdAt));
}

export type BadgeRow = typeof badges.$inferSelect;

export async function getBadge(db: Queryable, badgeId: string): Promise<BadgeRow | null> {
  const [row] = await db.select().from(badges).where(eq(badges.id, badgeId));
  return row ?? null;
}

/** Badges an admin can apply for. */
export async function badgesOpenForApplication(db: Queryable) {
  return db.select({ id: badges.id, name: badges.name, description: badges.description, criteria: badges.criteria }).from(badges).where(eq(badges.awardedFor, 'application')).orderBy(badges.createdAt);
}
