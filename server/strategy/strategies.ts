import { and, asc, desc, eq, max } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import { activeOrganisationAdmins } from '../access/approvers';
import type { ActorContext } from '../context';
import { organisations, trainingStrategies, trainingStrategyComments, trainingStrategyVersions, users } from '../db/schema';
import type { Queryable, Transaction } from '../db/types';
import { enqueueEmails } from '../notifications/outbox';
import { templatedEmail } from '../notifications/templated-email';
import { type StrategyContent, emptyStrategy, isEmptyStrategy, isWholeTarget, sameStrategy } from './content';

export type StrategyError =
  | 'notFound'
  | 'strategy.errors.periodTaken'
  | 'strategy.errors.empty'
  | 'strategy.errors.unchanged'
  | 'strategy.errors.targetPartMissing'
  | 'strategy.errors.notCentreContact';

/** The draft was saved (in another tab, or by another admin) after the form was opened: nothing is overwritten. */
export interface SavedElsewhere {
  ok: false;
  error: 'strategy.errors.savedElsewhere';
  /** The newer draft's time: a form sent again with it replaces that draft knowingly. */
  savedAt: Date;
}

/** The admin starts a strategy for a period; one per organisation and period. */
export async function createStrategy(ctx: ActorContext, organisationId: string, period: { firstYear: number; lastYear: number }): Promise<{ ok: true; id: string } | { ok: false; error: StrategyError }> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(trainingStrategies)
      .values({ organisationId, ...period, draft: emptyStrategy(), draftSavedAt: now, draftSavedBy: ctx.actor.userId, createdAt: now, createdBy: ctx.actor.userId })
      .onConflictDoNothing()
      .returning({ id: trainingStrategies.id });
    if (!created) return { ok: false, error: 'strategy.errors.periodTaken' };
    await writeAudit(tx, ctx.clock, { action: 'strategy.created', actorUserId: ctx.actor.userId, targetType: 'trainingStrategy', targetId: created.id, organisationId, details: period });
    return { ok: true, id: created.id };
  });
}

async function lockStrategy(tx: Transaction, organisationId: string, strategyId: string) {
  const [row] = await tx
    .select()
    .from(trainingStrategies)
    .where(and(eq(trainingStrategies.id, strategyId), eq(trainingStrategies.organisationId, organisationId)))
    .for('update');
  return row ?? null;
}

/** The draft the form was opened on is no longer the saved one. */
const staleDraft = (strategy: { draftSavedAt: Date }, openedOn: Date): SavedElsewhere | null =>
  strategy.draftSavedAt.getTime() === openedOn.getTime() ? null : { ok: false, error: 'strategy.errors.savedElsewhere', savedAt: strategy.draftSavedAt };

/**
 * Saves the draft (by the button, or automatically as the admin writes), targets half-written or not;
 * the published versions stay as they were. `openedOn` is the saved time of the draft being edited.
 */
export async function saveStrategyDraft(
  ctx: ActorContext,
  organisationId: string,
  strategyId: string,
  content: StrategyContent,
  openedOn: Date,
): Promise<{ ok: true; savedAt: Date } | { ok: false; error: 'notFound' } | SavedElsewhere> {
  return ctx.db.transaction(async (tx) => {
    const strategy = await lockStrategy(tx, organisationId, strategyId);
    if (!strategy) return { ok: false, error: 'notFound' };
    const stale = staleDraft(strategy, openedOn);
    if (stale) return stale;
    const now = ctx.clock.now();
    await tx.update(trainingStrategies).set({ draft: content, draftSavedAt: now, draftSavedBy: ctx.actor.userId }).where(eq(trainingStrategies.id, strategyId));
    return { ok: true, savedAt: now };
  });
}

/**
 * Publishes the draft as the next version. An empty draft, one with a target not wholly written, or
 * one unchanged since the last version is refused; so is a draft saved elsewhere since `openedOn`.
 */
export async function publishStrategy(
  ctx: ActorContext,
  organisationId: string,
  strategyId: string,
  content: StrategyContent,
  openedOn: Date,
): Promise<{ ok: true; version: number } | { ok: false; error: StrategyError } | SavedElsewhere> {
  return ctx.db.transaction(async (tx) => {
    const strategy = await lockStrategy(tx, organisationId, strategyId);
    if (!strategy) return { ok: false, error: 'notFound' };
    const stale = staleDraft(strategy, openedOn);
    if (stale) return stale;
    if (isEmptyStrategy(content)) return { ok: false, error: 'strategy.errors.empty' };
    if (!content.targets.every(isWholeTarget)) return { ok: false, error: 'strategy.errors.targetPartMissing' };
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
    await writeAudit(tx, ctx.clock, { action: 'strategy.commented', actorUserId: ctx.actor.userId, targetType: 'trainingStrategy', targetId: strategyId, organisationId, details: { version: versionNumber, comment: text } });
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
