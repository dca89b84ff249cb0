import { eq } from 'drizzle-orm';
import type { WriteContext } from '../context';
import { organisations, trainings } from '../db/schema';

/**
 * A training with its organisation's name, its row locked until the transaction ends: places are
 * counted and given one change at a time, so capacity holds under concurrent registrations.
 */
export async function lockTraining(ctx: WriteContext, trainingId: string) {
  const [row] = await ctx.db
    .select({
      id: trainings.id,
      organisationId: trainings.organisationId,
      organisationName: organisations.name,
      name: trainings.name,
      status: trainings.status,
      isPublic: trainings.isPublic,
      capacity: trainings.capacity,
      startsOn: trainings.startsOn,
      endsOn: trainings.endsOn,
      registrationEndsOn: trainings.registrationEndsOn,
      attendanceMode: trainings.attendanceMode,
      year: trainings.year,
      type: trainings.type,
      unitId: trainings.unitId,
      createdBy: trainings.createdBy,
      modelVersionId: trainings.modelVersionId,
    })
    .from(trainings)
    .innerJoin(organisations, eq(organisations.id, trainings.organisationId))
    .where(eq(trainings.id, trainingId))
    .for('update', { of: trainings });
  return row ?? null;
}
