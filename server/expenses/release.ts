import { and, asc, eq, isNotNull, lte, ne, notExists, or, sql } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import { helsinkiDate, yearOf } from '../calendar/dates';
import { expenseReportDeadline } from '../calendar/windows';
import type { DomainContext } from '../context';
import { expenseReports, reservationReleases, trainings } from '../db/schema';
import { releaseReservation } from '../hours/ledger';

/** Trainings released in one run; the scheduler comes back for the rest. */
const batchSize = 200;

/**
 * Releases the reserved hours of trainings that ended without a report by their year's January
 * deadline (a scheduled job): none submitted, none returned for corrections and no late report
 * allowed by staff. Each training once (recorded in the same transaction), safe with several instances.
 */
export async function releaseUnreportedReservations(ctx: DomainContext): Promise<number> {
  const today = helsinkiDate(ctx.clock.now());
  const lastYear = yearOf(today) - 1;
  // Last year's deadline falls in this January; the years before it have all closed.
  const closedUpTo = (await expenseReportDeadline(ctx.db, lastYear)) < today ? lastYear : lastYear - 1;
  const unreported = (id: typeof trainings.id) =>
    notExists(
      ctx.db
        .select({ one: sql`1` })
        .from(expenseReports)
        .where(and(eq(expenseReports.trainingId, id), or(ne(expenseReports.status, 'draft'), isNotNull(expenseReports.latePermittedAt)))),
    );
  const due = await ctx.db
    .select({ id: trainings.id, organisationId: trainings.organisationId, year: trainings.year })
    .from(trainings)
    .where(
      and(
        eq(trainings.status, 'ended'),
        lte(trainings.year, closedUpTo),
        notExists(ctx.db.select({ one: sql`1` }).from(reservationReleases).where(eq(reservationReleases.trainingId, trainings.id))),
        unreported(trainings.id),
      ),
    )
    .orderBy(asc(trainings.id))
    .limit(batchSize);
  let released = 0;
  for (const training of due) {
    const done = await ctx.db.transaction(async (tx) => {
      // Checked again under the lock: a report may have come in meanwhile.
      const [still] = await tx.select({ status: trainings.status }).from(trainings).where(eq(trainings.id, training.id)).for('update');
      const [report] = await tx.select({ status: expenseReports.status, permitted: expenseReports.latePermittedAt }).from(expenseReports).where(eq(expenseReports.trainingId, training.id));
      if (still?.status !== 'ended' || (report && (report.status !== 'draft' || report.permitted))) return false;
      const claimed = await tx.insert(reservationReleases).values({ trainingId: training.id, releasedOn: today }).onConflictDoNothing().returning({ id: reservationReleases.trainingId });
      if (!claimed.length) return false;
      await releaseReservation({ db: tx, clock: ctx.clock, actorUserId: null }, training.year, training.id, 'deadline');
      await writeAudit(tx, ctx.clock, { action: 'expenseReport.reservationReleased', actorUserId: null, targetType: 'training', targetId: training.id, organisationId: training.organisationId, details: { year: training.year } });
      return true;
    });
    if (done) released++;
  }
  return released;
}
