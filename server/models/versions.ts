import { and, eq } from 'drizzle-orm';
import type { ActorContext } from '../context';
import { approvedModelVersions } from './lists';
import { trainingModelVersions, trainingModels } from '../db/schema';
import type { Queryable } from '../db/types';

/** An approved version of one of the organisation's models, or null (another organisation's, or not approved). */
export async function approvedVersionOf(db: Queryable, organisationId: string, versionId: string) {
  const [row] = await db
    .select({ id: trainingModelVersions.id, version: trainingModelVersions.version, content: trainingModelVersions.content, creditTenths: trainingModelVersions.creditTenths, modelId: trainingModelVersions.modelId })
    .from(trainingModelVersions)
    .innerJoin(trainingModels, eq(trainingModels.id, trainingModelVersions.modelId))
    .where(and(eq(trainingModelVersions.id, versionId), eq(trainingModels.organisationId, organisationId), eq(trainingModelVersions.status, 'approved')));
  return row ?? null;
}

/** What a plan of the organisation can be based on: each model's newest approved version, and the plan's own version if it is an older one. */
export async function modelChoices(ctx: ActorContext, organisationId: string, planVersionId: string | null | undefined) {
  const newest = (await approvedModelVersions(ctx, organisationId)).map((v) => ({ versionId: v.versionId, name: v.name, version: v.version, creditTenths: v.creditTenths }));
  if (!planVersionId || newest.some((v) => v.versionId === planVersionId)) return newest;
  const own = await approvedVersionOf(ctx.db, organisationId, planVersionId);
  return own ? [...newest, { versionId: own.id, name: own.content.name, version: own.version, creditTenths: own.creditTenths }] : newest;
}
