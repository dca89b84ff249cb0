import { helsinkiDate } from '../calendar/dates';
import { windowStatus } from '../calendar/windows';
import { type SupportRules, supportRulesFor } from '../centre/support-rules';
import type { DomainContext } from '../context';
import { type EligibilityContext, type Finding, type PlanForEligibility, checkEligibility } from './eligibility';

export interface RuleSet {
  rules: SupportRules;
  context: EligibilityContext;
}

/** The year's support rules and today's dates; read before a transaction (one connection when embedded). */
export async function ruleSetFor(ctx: DomainContext, year: number): Promise<RuleSet> {
  const [rules, opening] = await Promise.all([supportRulesFor(ctx, year), windowStatus(ctx, 'nextYearTrainings')]);
  return { rules, context: { today: helsinkiDate(ctx.clock.now()), nextYearOpensOn: opening.periods[0]?.startsOn ?? `${opening.year}-12-01` } };
}

/**
 * A plan's findings. Once submitted, a plan was made before its start and inside the opening, so
 * later edits are held only to the rules about the training itself.
 */
export function planFindings(plan: PlanForEligibility, ruleSet: RuleSet, submitted: boolean): Finding[] {
  const findings = checkEligibility(plan, ruleSet.rules, ruleSet.context);
  return submitted ? findings.filter((f) => f.rule !== 'plannedBeforeStart' && f.rule !== 'nextYearNotOpen') : findings;
}

/** A plan's fields and sessions as the rules read them. */
export const eligibilityOf = (plan: Omit<PlanForEligibility, 'peerGroup' | 'sessions'> & { type: string }, sessions: PlanForEligibility['sessions']): PlanForEligibility => ({
  ...plan,
  peerGroup: plan.type === 'peerGroup',
  sessions,
});

export const hasHardFinding = (findings: Finding[]) => findings.some((f) => f.severity === 'hard');
