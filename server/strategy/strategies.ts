import { and, asc, desc, eq, max } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import { activeOrganisationAdmins } from '../access/approvers';
import type { ActorContext } from '../context';
import { organisations, trainingStrategies, trainingStrategyComments, trainingStrategyVersions, users } from '../db/schema';
import type { Queryable, Transaction } from '../db/types';
import { enqueueEmails } from '../notifications/outbox';
import { templatedEmail } from '../notifications/templated-email';
import { type StrategyContent, emptyStrategy, isEmptyStrategy, sameStrategy } from './content';

export type StrategyError = 'notFound' | 'strategy.errors.periodTaken' | 'strategy.errors.empty' | 'strategy.errors.unchanged' | 'strategy.errors.notCentreContact';

/** The admin starts a strategy for a period; one per organisation and period. */
export async function createStrategy(ctx: ActorContext, organisationId: string, period: { firstYear: number; lastYear: number }): Promise<{ ok: true; id: string } | { ok: false; error: StrategyError }> {
  const now = ctx.clock.now();
  const [created] = await ctx.db
    .insert(trainingStrategies)
    .values({ organisationId, ...period, draft: emptyStrategy(), draftSavedAt: now, draftSavedBy: ctx.actor.userId, createdAt: now, createdBy: ctx.actor.userId })
    .onConflictDoNothing()
    .returning({ id: trainingStrategies.id });
  if (!created) return { ok: false, error: 'strategy.errors.periodTaken' };
  await writeAudit(ctx.db, ctx.clock, { action: 'strategy.created', actorUserId: ctx.actor.userId, targetType: 'trainingStrategy', targetId: created.id, organisationId, details: period });
  return { ok: true, id: created.id };
}

async function lockStrategy(tx: Transaction, organisationId: string, strategyId: string) {
  const [row] = await tx
    .select()
    .from(trainingStrategies)
    .where(and(eq(trainingStrategies.id, strategyId), eq(trainingStrategies.organisationId, organisationId)))
    .for('update');
  return row ?? null;
}

/** Saves the draft (by the button, or automatically as the admin writes); the published versions stay as they were. */
export async function saveStrategyDraft(ctx: ActorContext, organisationId: string, strategyId: string, content: StrategyContent): Promise<{ ok: true; savedAt: Date } | { ok: false; error: StrategyError }> {
  return ctx.db.transaction(async (tx) => {
    const strategy = await lockStrategy(tx, organisationId, strategyId);
    if (!strategy) return { ok: false, error: 'notFound' };
    const now = ctx.clock.now();
    await tx.update(trainingStrategies).set({ draft: content, draftSavedAt: now, draftSavedBy: ctx.actor.userId }).where(eq(trainingStrategies.id, strategyId));
    return { ok: true, savedAt: now };
  });
}

/** Publishes the draft as the next version; an empty draft, or one unchanged since the last version, is refused. */
export async function publishStrategy(ctx: ActorContext, organisationId: string, strategyId: string, content: StrategyContent): Promise<{ ok: true; version: number } | { ok: false; error: StrategyError }> {
  return ctx.db.transaction(async (tx) => {
    const strategy = await lockStrategy(tx, organisationId, strategyId);
    if (!strategy) return { ok: false, error: 'notFound' };
    if (isEmptyStrategy(content)) return { ok: false, error: 'strategy.errors.empty' };
    const [latest] = await tx
      .select({ version: trainingStrategyVersions.version, content: trainingStrategyVersions.content })
      .from(trainingStrategyVersions)
      .where(eq(trainingStrategyVersions.strategyId, strategyId))
      .orderBy(desc(trainingStrategyVersions.version))
      .limit(1);
    if (latest && sameStrategy(latest.content, content)) return { ok: false, error: 'strategy.errors.unchanged' };
    const now = ctx.clock.now();
    const version = (latest?.version ?? 0) + 1;
    await tx.update(trainingStrategies).set({ draft: content, draftSavedAt: now, draftSavedBy: ctx.actor.userId }).where(eq(trainingStrategies.id, strategyId));
    await tx.insert(trainingStrategyVersions).values({ strategyId, version, content, publishedAt: now, publishedBy: ctx.actor.userId });
    await writeAudit(tx, ctx.clock, { action: 'strategy.published', actorUserId: ctx.actor.userId, targetType: 'trainingStrategy', targetId: strategyId, organisationId, details: { version } });
    return { ok: true, version };
  });
}

/**
 * The organisation's centre contact comments on a published version; the organisation's admins are
 * emailed. Other staff read the strategy but the conversation is the contact's.
 */
export async function commentStrategy(
  ctx: ActorContext,
  organisationId: string,
  strategyId: string,
  versionNumber: number,
  body: string,
  links: { publicUrl: string },
): Promise<{ ok: true } | { ok: false; error: StrategyError }> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ versionId: trainingStrategyVersions.id, contactId: organisations.centreContactUserId, organisationName: organisations.name, firstYear: trainingStrategies.firstYear, lastYear: trainingStrategies.lastYear })
      .from(trainingStrategyVersions)
      .innerJoin(trainingStrategies, eq(trainingStrategies.id, trainingStrategyVersions.strategyId))
      .innerJoin(organisations, eq(organisations.id, trainingStrategies.organisationId))
      .where(and(eq(trainingStrategies.id, strategyId), eq(trainingStrategies.organisationId, organisationId), eq(trainingStrategyVersions.version, versionNumber)));
    if (!row) return { ok: false, error: 'notFound' };
    if (row.contactId !== ctx.actor.userId) return { ok: false, error: 'strategy.errors.notCentreContact' };
    const text = body.trim();
    await tx.insert(trainingStrategyComments).values({ versionId: row.versionId, authorUserId: ctx.actor.userId, body: text, at: ctx.clock.now() });
    await writeAudit(tx, ctx.clock, { action: 'strategy.commented', actorUserId: ctx.actor.userId, targetType: 'trainingStrategy', targetId: strategyId, organisationId, details: { version: versionNumber } });
    const admins = await activeOrganisationAdmins(tx, organisationId);
    const link = `${links.publicUrl}/organisations/${organisationId}/strategies/${strategyId}/versions/${versionNumber}`;
    await enqueueEmails(
      { db: tx, clock: ctx.clock },
      admins.map((a) => templatedEmail(a, 'strategyCommented', { organisation: row.organisationName, period: `${row.firstYear}–${row.lastYear}`, version: String(versionNumber), author: ctx.actor.name, comment: text, link })),
    );
    return { ok: true };
  });
}

/** The organisation's strategies, newest period first, with their latest version number. */
export async function listStrategies(db: Queryable, organisationId: string) {
  return db
    .select({ id: trainingStrategies.id, firstYear: trainingStrategies.firstYear, lastYear: trainingStrategies.lastYear, draftSavedAt: trainingStrategies.draftSavedAt, latestVersion: max(trainingStrategyVersions.version) })
    .from(trainingStrategies)
    .leftJoin(trainingStrategyVersions, eq(trainingStrategyVersions.strategyId, trainingStrategies.id))
    .where(eq(trainingStrategies.organisationId, organisationId))
    .groupBy(trainingStrategies.id)
    .orderBy(desc(trainingStrategies.firstYear), desc(trainingStrategies.lastYear));
}

/** One strategy with its draft and the list of its versions (without their content). */
export async function getStrategy(db: Queryable, organisationId: string, strategyId: string) {
  const [strategy] = await db
    .select({ strategy: trainingStrategies, savedByName: users.name })
    .from(trainingStrategies)
    .leftJoin(users, eq(users.id, trainingStrategies.draftSavedBy))
    .where(and(eq(trainingStrategies.id, strategyId), eq(trainingStrategies.organisationId, organisationId)));
  if (!strategy) return null;
  const versions = await db
    .select({ version: trainingStrategyVersions.version, publishedAt: trainingStrategyVersions.publishedAt, publishedByName: users.name })
    .from(trainingStrategyVersions)
    .leftJoin(users, eq(users.id, trainingStrategyVersions.publishedBy))
    .where(eq(trainingStrategyVersions.strategyId, strategyId))
    .orderBy(desc(trainingStrategyVersions.version));
  return { ...strategy.strategy, savedByName: strategy.savedByName ?? '', versions };
}

/** A published version with its comments, oldest comment first. */
export async function getStrategyVersion(db: Queryable, organisationId: string, strategyId: string, versionNumber: number) {
  const [row] = await db
    .select({ version: trainingStrategyVersions, firstYear: trainingStrategies.firstYear, lastYear: trainingStrategies.lastYear, publishedByName: users.name })
    .from(trainingStrategyVersions)
    .innerJoin(trainingStrategies, eq(trainingStrategies.id, trainingStrategyVersions.strategyId))
    .leftJoin(users, eq(users.id, trainingStrategyVersions.publishedBy))
    .where(and(eq(trainingStrategies.id, strategyId), eq(trainingStrategies.organisationId, organisationId), eq(trainingStrategyVersions.version, versionNumber)));
  if (!row) return null;
  const comments = await db
    .select({ id: trainingStrategyComments.id, body: trainingStrategyComments.body, at: trainingStrategyComments.at, authorName: users.name })
    .from(trainingStrategyComments)
    .leftJoin(users, eq(users.id, trainingStrategyComments.authorUserId))
    .where(eq(trainingStrategyComments.versionId, row.version.id))
    .orderBy(asc(trainingStrategyComments.id));
  return { ...row.version, firstYear: row.firstYear, lastYear: row.lastYear, publishedByName: row.publishedByName ?? '', comments };
}
