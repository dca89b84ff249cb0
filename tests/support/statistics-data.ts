import type { Database } from '../../server/db/types';
import { expenseReports, paymentBatches, payments, sessionAttendanceCounts, trainingParticipants, trainings } from '../../server/db/schema';
import { allocateToUnit } from '../../server/hours/ledger';
import type { ReportContent } from '../../server/expenses/support';
import { demoOrgA, demoOrgB, organisationIdByName, unitByName } from './demo';
import { grant2027Hours } from './trainings';

const at = new Date('2027-01-10T09:00:00Z');
type TrainingRow = typeof trainings.$inferInsert;
type Person = { name: string; email: string; birthYear: number; gender: 'female' | 'male' | null; first: boolean; status?: 'registered' | 'waiting' };

/**
 * A hand-built year whose every figure is known (see tests/domain/statistics.test.ts for the sums):
 * organisation A's trainings in three units of two districts (the coordinator's Pohjoisen piiri and its
 * sibling Etelän piiri), a draft and a cancelled one that do not count, one in 2026, and one of
 * organisation B. Organisation A is granted 50 hours for 2027 and gives Pohjoisen piiri 20 of them.
 */
export async function statisticsDataset(db: Database) {
  const orgA = await organisationIdByName(db, demoOrgA);
  const orgB = await organisationIdByName(db, demoOrgB);
  const unit = async (name: string) => (await unitByName(db, name)).id;
  const revontulet = await unit('Revontulten yhdistys');
  const tunturi = await unit('Tunturin yhdistys');
  const saaristo = await unit('Saariston yhdistys');
  const pohjoinen = await unit('Pohjoisen piiri');
  const rannikko = await unit('Rannikon kuoroyhdistys');
  const training = async (values: Partial<TrainingRow> & Pick<TrainingRow, 'organisationId' | 'unitId' | 'name' | 'status' | 'teachingMinutes' | 'startsOn'>, people: Person[], report?: { realised: number; support: number; batch?: 'paid' | 'created' }) => {
    const year = Number(values.startsOn!.slice(0, 4));
    const [row] = await db
      .insert(trainings)
      .values({ year, type: 'course', mode: 'onSite', topicClass: 'culture', endsOn: values.startsOn, createdAt: at, updatedAt: at, ...values })
      .returning({ id: trainings.id });
    const id = row!.id;
    for (const p of people) {
      await db.insert(trainingParticipants).values({ trainingId: id, organisationId: values.organisationId, name: p.name, email: p.email, birthYear: p.birthYear, municipality: 'Oulu', gender: p.gender, firstTimeThisYear: p.first, status: p.status ?? 'registered', source: 'trainer', createdAt: at, updatedAt: at });
    }
    if (report) {
      let paymentId: string | null = null;
      if (report.batch) {
        const reference = `S-${crypto.randomUUID().slice(0, 8)}`;
        const [batch] = await db
          .insert(paymentBatches)
          .values({ reference, status: report.batch, executionDate: '2027-06-01', debtorName: 'Opintokeskus Sivis', debtorIban: 'FI2112345600000785', debtorBic: 'NDEAFIHH', paymentCount: 1, totalCents: report.support, createdAt: at, ...(report.batch === 'paid' ? { paidOn: '2027-06-01' } : {}) })
          .returning({ id: paymentBatches.id });
        const [payment] = await db
          .insert(payments)
          .values({ batchId: batch!.id, organisationId: values.organisationId, creditorName: 'Järjestö', iban: 'FI5542345670000081', bic: '', amountCents: report.support, reportCount: 1, endToEndId: `TUKI-${reference}`, remittanceInfo: `Koulutustuki ${reference}` })
          .returning({ id: payments.id });
        paymentId = payment!.id;
      }
      await db.insert(expenseReports).values({ trainingId: id, organisationId: values.organisationId, year, status: 'approved', content: {} as ReportContent, version: 1, realisedHundredths: report.realised, supportCents: report.support, paymentId, createdAt: at, updatedAt: at });
    }
    return id;
  };
  const anna = { name: 'Anna Aalto', email: 'anna@example.test', birthYear: 1990, gender: 'female', first: true } as const;
  // T1: 270 min = 6 h, approved and paid.
  await training(
    { organisationId: orgA, unitId: revontulet, name: 'T1', status: 'approved', teachingMinutes: 270, startsOn: '2027-03-02' },
    [anna, { name: 'Bertta Berg', email: 'BERTTA@example.test', birthYear: 2015, gender: 'male', first: false }, { name: 'Cecilia Carlsson', email: '', birthYear: 1950, gender: null, first: false }, { name: 'Jonossa', email: 'wait@example.test', birthYear: 1980, gender: 'female', first: true, status: 'waiting' }],
    { realised: 600, support: 5_000, batch: 'paid' },
  );
  // T2: 100 min = 2,22 h, submitted; a lecture reported as counts (35 at most), and Anna again.
  const lecture = await training({ organisationId: orgA, unitId: tunturi, name: 'T2', status: 'submitted', type: 'lecture', topicClass: 'health', attendanceMode: 'counts', teachingMinutes: 100, startsOn: '2027-04-10' }, [anna]);
  await db.insert(sessionAttendanceCounts).values([
    { trainingId: lecture, sessionDate: '2027-04-10', sessionStart: '18:00', adults: 30, minors: 5 },
    { trainingId: lecture, sessionDate: '2027-04-11', sessionStart: '18:00', adults: 20, minors: 2 },
  ]);
  // T3: 450 min = 10 h, realised 9 h, in a batch not yet paid; in the coordinator's sibling district.
  await training(
    { organisationId: orgA, unitId: saaristo, name: 'T3', status: 'approved', teachingMinutes: 450, startsOn: '2027-03-20' },
    [{ name: 'Daniel Dahl', email: 'daniel@example.test', birthYear: 1980, gender: 'female', first: true }, { name: 'Eero Esko', email: 'eero@example.test', birthYear: 1970, gender: 'male', first: false }],
    { realised: 900, support: 8_000, batch: 'created' },
  );
  // Not counted: a draft and a cancelled training.
  await training({ organisationId: orgA, unitId: revontulet, name: 'Luonnos', status: 'draft', teachingMinutes: 900, startsOn: '2027-05-01' }, [{ ...anna, email: 'draft@example.test' }]);
  await training({ organisationId: orgA, unitId: revontulet, name: 'Peruttu', status: 'cancelled', teachingMinutes: 900, startsOn: '2027-05-02' }, [{ ...anna, email: 'cancel@example.test' }]);
  // T6 in 2026: 180 min = 4 h, approved.
  await training({ organisationId: orgA, unitId: revontulet, name: 'T6', status: 'approved', teachingMinutes: 180, startsOn: '2026-05-05' }, [anna], { realised: 400, support: 0 });
  // T7 of organisation B: 90 min = 2 h, approved and paid; Anna is the same person there.
  await training(
    { organisationId: orgB, unitId: rannikko, name: 'T7', status: 'approved', topicClass: 'languages', teachingMinutes: 90, startsOn: '2027-03-15' },
    [anna, { name: 'Frida Forsman', email: 'frida@example.test', birthYear: 2000, gender: 'female', first: true }],
    { realised: 200, support: 1_000, batch: 'paid' },
  );
  await grant2027Hours(db, orgA, 5_000);
  await db.transaction((tx) => allocateToUnit({ db: tx, clock: { now: () => at }, actorUserId: null }, { year: 2027, organisationId: orgA, unitId: pohjoinen, hundredths: 2_000 }));
  return { orgA, orgB, revontulet, tunturi, saaristo };
}
