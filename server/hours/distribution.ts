import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import { helsinkiDate, yearOf } from '../calendar/dates';
import type { ActorContext } from '../context';
import { units } from '../db/schema';
import { type LedgerResult, allocateToUnit, takeBackFromUnit } from './ledger';

export type DistributionResult = LedgerResult | { ok: false; error: 'hours.errors.unknownUnit' | 'hours.errors.inactiveUnit' | 'hours.errors.pastYear' };

/**
 * The admin gives part of the organisation's unallocated hours to a unit, or takes unused ones back
 * (never more than the unit has left unreserved). Audited with the reason.
 */
export async function distributeHours(
  ctx: ActorContext,
  input: { year: number; organisationId: string; unitId: string; hundredths: number; reason: string; direction: 'allocate' | 'takeBack' },
): Promise<DistributionResult> {
  // A finished year's figures stay as they were.
  if (input.year < yearOf(helsinkiDate(ctx.clock.now()))) return { ok: false, error: 'hours.errors.pastYear' };
  return ctx.db.transaction(async (tx) => {
    const [unit] = await tx
      .select({ id: units.id, active: units.active })
      .from(units)
      .where(and(eq(units.id, input.unitId), eq(units.organisationId, input.organisationId)));
    if (!unit) return { ok: false, error: 'hours.errors.unknownUnit' };
    if (input.direction === 'allocate' && !unit.active) return { ok: false, error: 'hours.errors.inactiveUnit' };
    const ledger = { db: tx, clock: ctx.clock, actorUserId: ctx.actor.userId };
    const move = input.direction === 'allocate' ? allocateToUnit : takeBackFromUnit;
    const result = await move(ledger, input);
    if (result.ok) {
      await writeAudit(tx, ctx.clock, {
        action: input.direction === 'allocate' ? 'hours.allocated' : 'hours.takenBack',
        actorUserId: ctx.actor.userId,
        targetType: 'unit',
        targetId: input.unitId,
        organisationId: input.organisationId,
        details: { year: input.year, hundredths: input.hundredths, reason: input.reason },
      });
    }
    return result;
  });
}
