import { asc, eq } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import type { ActorContext, DomainContext } from '../context';
import { supportRules } from '../db/schema';

export type SupportRules = Omit<typeof supportRules.$inferSelect, 'updatedAt' | 'updatedBy'>;

/** Words that make a name ineligible by default: meeting, trip, camp. */
export const defaultForbiddenWords = ['kokous', 'retki', 'leiri'];

/**
 * The public rules' defaults: 35 €/h, 55 % of costs, peer groups 3 €/h; 1 h, 7 people aged 15+;
 * peer groups 5 people, 10 h; no meetings, trips or camps; 10 % of expense reports audited.
 */
export const defaultSupportRules = (year: number): SupportRules => ({
  year,
  hourlyRateCents: 3500,
  costCapBasisPoints: 5500,
  peerGroupRateCents: 300,
  minTeachingHundredths: 100,
  minParticipants: 7,
  minParticipantAge: 15,
  peerMinMembers: 5,
  peerMinHundredths: 1000,
  forbiddenWords: defaultForbiddenWords,
  auditShareBasisPoints: 1000,
});

export async function listSupportRules(ctx: DomainContext) {
  return ctx.db.select().from(supportRules).orderBy(asc(supportRules.year));
}

/** The year's rules, or the defaults when the centre has not set that year. */
export async function supportRulesFor(ctx: DomainContext, year: number): Promise<SupportRules> {
  const [row] = await ctx.db.select().from(supportRules).where(eq(supportRules.year, year));
  return row ?? defaultSupportRules(year);
}

export async function saveSupportRules(ctx: ActorContext, rules: SupportRules): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(supportRules).where(eq(supportRules.year, rules.year));
    const row = { ...rules, updatedAt: ctx.clock.now(), updatedBy: ctx.actor.userId };
    await tx.insert(supportRules).values(row).onConflictDoUpdate({ target: supportRules.year, set: row });
    await writeAudit(tx, ctx.clock, {
      action: 'centre.supportRulesSaved',
      actorUserId: ctx.actor.userId,
      targetType: 'supportRules',
      targetId: String(rules.year),
      details: { before: before ?? null, after: rules },
    });
  });
}
