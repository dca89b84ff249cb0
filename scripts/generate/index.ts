import { eq, sql } from 'drizzle-orm';
import { organisations } from '../../server/db/schema';
import type { Database } from '../../server/db/types';
import { businessIdFor } from '../../server/organisations/business-id';
import { attendanceGenerator } from './attendance';
import { badgesGenerator } from './badges';
import { type DataGenerator, type Progress, makeInsert } from './context';
import { calendarGenerator } from './calendar';
import { expensesGenerator } from './expenses';
import { hoursGenerator } from './hours';
import { modelsGenerator } from './models';
import { organisationsGenerator } from './organisations';
import { participantsGenerator } from './participants';
import { paymentsGenerator } from './payments';
import { Random } from './random';
import { registerGenerator } from './register';
import { strategiesGenerator } from './strategies';
import { trainingsGenerator } from './trainings';

/**
 * In dependency order. A later issue appends its generator here: one that comes in between would
 * change the random numbers, and so the data, of every generator after it (the models generator
 * bases trainings on models with one update at the end instead; the register generator grows one
 * training into a large open course the same way).
 */
export const generators: DataGenerator[] = [organisationsGenerator, calendarGenerator, hoursGenerator, trainingsGenerator, participantsGenerator, attendanceGenerator, expensesGenerator, paymentsGenerator, modelsGenerator, registerGenerator, strategiesGenerator, badgesGenerator];

export class AlreadyGeneratedError extends Error {}

/** Fills the database with the generated data set for `scale`, the same for the same seed. */
export async function generateData(db: Database, options: { scale: number; seed: number; progress: Progress }): Promise<void> {
  const [existing] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.businessId, businessIdFor(3_000_000)));
  if (existing) {
    throw new AlreadyGeneratedError('This database already holds generated data. Use an empty DATA_DIR or database.');
  }
  const random = new Random(options.seed);
  // History is anchored to a fixed day so that a seed always gives the same rows.
  const now = new Date(Date.UTC(2026, 0, 1));
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Database;
    for (const generator of generators) {
      options.progress.start(generator.name, generator.rowCount(options.scale));
      await generator.run({ db: txDb, scale: options.scale, random, now, insert: makeInsert(txDb, options.progress) });
      options.progress.finish();
    }
  });
  // Generators update rows they inserted (reports get their payments): the old versions stay in the
  // indexes (the unpaid reports' one above all) until a vacuum, and PGlite has no autovacuum.
  await db.execute(sql`vacuum analyze`);
}
