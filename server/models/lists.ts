import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { can } from '../access/permissions';
import type { ActorContext } from '../context';
import { organisations, trainingModelComments, trainingModelVersions, trainingModels, users } from '../db/schema';
import type { ModelStatus } from './workflow';

/** The newest version number of each model (the one worked on), as a subquery. */
const latestVersions = (ctx: ActorContext) =>
  ctx.db.select({ modelId: trainingModelVersions.modelId, version: sql<number>`max(${trainingModelVersions.version})`.as('latest') }).from(trainingModelVersions).groupBy(trainingModelVersions.modelId).as('latest_versions');

/**
 * An organisation's models with their latest version. Its admins (and staff) see every model;
 * those who only plan trainings see the approved versions, the only ones they can use.
 */
export async function listOrganisationModels(ctx: ActorContext, organisationId: string) {
  const all = can(ctx.actor, 'model.write', { organisationId }) || can(ctx.actor, 'model.review');
  const latest = latestVersions(ctx);
  const rows = await ctx.db
    .select({
      modelId: trainingModels.id,
      version: trainingModelVersions.version,
      status: trainingModelVersions.status,
      name: sql<string>`${trainingModelVersions.content}->>'name'`,
      creditTenths: trainingModelVersions.creditTenths,
      updatedAt: trainingModelVersions.updatedAt,
    })
    .from(trainingModels)
    .innerJoin(latest, eq(latest.modelId, trainingModels.id))
    .innerJoin(trainingModelVersions, and(eq(trainingModelVersions.modelId, trainingModels.id), eq(trainingModelVersions.version, latest.version)))
    .where(eq(trainingModels.organisationId, organisationId))
    .orderBy(asc(sql`${trainingModelVersions.content}->>'name'`), asc(trainingModels.id));
  return all ? rows : (await approvedModelVersions(ctx, organisationId)).map((v) => ({ modelId: v.modelId, version: v.version, status: 'approved' as ModelStatus, name: v.name, creditTenths: v.creditTenths, updatedAt: v.decidedAt! }));
}

/** The newest approved version of each of the organisation's models: what a training can be based on. */
export async function approvedModelVersions(ctx: ActorContext, organisationId: string) {
  const newestApproved = ctx.db
    .select({ modelId: trainingModelVersions.modelId, version: sql<number>`max(${trainingModelVersions.version})`.as('approved_version') })
    .from(trainingModelVersions)
    .innerJoin(trainingModels, eq(trainingModels.id, trainingModelVersions.modelId))
    .where(and(eq(trainingModels.organisationId, organisationId), eq(trainingModelVersions.status, 'approved')))
    .groupBy(trainingModelVersions.modelId)
    .as('newest_approved');
  return ctx.db
    .select({
      versionId: trainingModelVersions.id,
      modelId: trainingModelVersions.modelId,
      version: trainingModelVersions.version,
      name: sql<string>`${trainingModelVersions.content}->>'name'`,
      creditTenths: trainingModelVersions.creditTenths,
      decidedAt: trainingModelVersions.decidedAt,
      content: trainingModelVersions.content,
    })
    .from(trainingModelVersions)
    .innerJoin(newestApproved, and(eq(newestApproved.modelId, trainingModelVersions.modelId), eq(newestApproved.version, trainingModelVersions.version)))
    .orderBy(asc(sql`${trainingModelVersions.content}->>'name'`));
}

/** Staff's queue: versions waiting (submitted, or under review), oldest submission first. */
export async function modelsForReview(ctx: ActorContext, statuses: ModelStatus[] = ['submitted', 'inReview']) {
  return ctx.db
    .select({
      modelId: trainingModels.id,
      organisationId: trainingModels.organisationId,
      organisationName: organisations.name,
      version: trainingModelVersions.version,
      status: trainingModelVersions.status,
      name: sql<string>`${trainingModelVersions.content}->>'name'`,
      creditTenths: trainingModelVersions.creditTenths,
      submittedAt: trainingModelVersions.submittedAt,
    })
    .from(trainingModelVersions)
    .innerJoin(trainingModels, eq(trainingModels.id, trainingModelVersions.modelId))
    .innerJoin(organisations, eq(organisations.id, trainingModels.organisationId))
    .where(inArray(trainingModelVersions.status, statuses))
    .orderBy(asc(trainingModelVersions.submittedAt), asc(trainingModelVersions.id));
}

/** One model of the organisation: every version, newest first, each with its thread. */
export async function getModel(ctx: ActorContext, organisationId: string, modelId: string) {
  const [model] = await ctx.db.select().from(trainingModels).where(and(eq(trainingModels.id, modelId), eq(trainingModels.organisationId, organisationId)));
  if (!model) return null;
  const versions = await ctx.db.select().from(trainingModelVersions).where(eq(trainingModelVersions.modelId, modelId)).orderBy(desc(trainingModelVersions.version));
  const comments = await ctx.db
    .select({ versionId: trainingModelComments.versionId, side: trainingModelComments.side, body: trainingModelComments.body, at: trainingModelComments.at, authorName: users.name })
    .from(trainingModelComments)
    .leftJoin(users, eq(users.id, trainingModelComments.authorUserId))
    .where(inArray(trainingModelComments.versionId, versions.map((v) => v.id)))
    .orderBy(asc(trainingModelComments.id));
  return { ...model, versions: versions.map((v) => ({ ...v, comments: comments.filter((c) => c.versionId === v.id) })) };
}
