import type { ActorContext } from '../../server/context';
import type { StrategyContent } from '../../server/strategy/content';
import { getStrategy, publishStrategy, saveStrategyDraft } from '../../server/strategy/strategies';

/** The saved time of the strategy's draft, as a form opened now carries it. */
export async function draftOpenedOn(ctx: ActorContext, organisationId: string, strategyId: string) {
  const strategy = await getStrategy(ctx.db, organisationId, strategyId);
  if (!strategy) throw new Error(`No strategy ${strategyId} in ${organisationId}`);
  return strategy.draftSavedAt;
}

/** Publishes as from a form opened on the current draft. */
export const publishCurrent = async (ctx: ActorContext, organisationId: string, strategyId: string, content: StrategyContent) =>
  publishStrategy(ctx, organisationId, strategyId, content, await draftOpenedOn(ctx, organisationId, strategyId));

/** Saves as from a form opened on the current draft. */
export const saveCurrent = async (ctx: ActorContext, organisationId: string, strategyId: string, content: StrategyContent) =>
  saveStrategyDraft(ctx, organisationId, strategyId, content, await draftOpenedOn(ctx, organisationId, strategyId));
