import { writeAudit } from '../access/audit';
import type { ActorContext, DomainContext } from '../context';
import { normaliseIban } from '../organisations/bank-account';
import { centreSettings } from '../db/schema';

export async function getCentreSettings(ctx: DomainContext) {
  const [row] = await ctx.db.select().from(centreSettings);
  return row ?? null;
}

export async function updateCentreSettings(
  ctx: ActorContext,
  input: { name: string; businessId: string; address: string; iban: string; bic: string },
): Promise<void> {
  const next = { ...input, iban: input.iban ? normaliseIban(input.iban)! : '', bic: input.bic.toUpperCase() };
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(centreSettings).for('update');
    await tx
      .insert(centreSettings)
      .values({ id: 1, ...next, updatedAt: ctx.clock.now(), updatedBy: ctx.actor.userId })
      .onConflictDoUpdate({ target: centreSettings.id, set: { ...next, updatedAt: ctx.clock.now(), updatedBy: ctx.actor.userId } });
    await writeAudit(tx, ctx.clock, {
      action: 'centre.settingsUpdated',
      actorUserId: ctx.actor.userId,
      targetType: 'centre',
      details: {
        before: before ? { name: before.name, businessId: before.businessId, address: before.address, iban: before.iban, bic: before.bic } : null,
        after: next,
      },
    });
  });
}
