import type { Clock } from '../../server/clock';
import type { Database } from '../../server/db/types';
import { publishDecisions, saveDecisionDraft, setBudget } from '../../server/hours/decisions';
import { type PlanInput, savePlan, submitPlan } from '../../server/trainings/plans';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from './database';
import { actorByEmail, demoOrgA, organisationIdByName, unitByName } from './demo';

/** An eligible plan for the unit: two evening sessions in March 2027, 90 + 90 minutes (4 teaching hours). */
export const samplePlan = (unitId: string, changes: Partial<PlanInput> = {}): PlanInput => ({
  unitId,
  name: 'Kuorolaulun peruskurssi',
  description: '',
  type: 'course',
  mode: 'onSite',
  topicClass: 'culture',
  targetGroup: '',
  learningGoals: 'Äänenkäytön perusteet',
  plannedParticipants: 10,
  responsibleName: '',
  priceCents: 0,
  isPublic: false,
  capacity: null,
  registrationEndsOn: null,
  region: '',
  noOtherStateFunding: true,
  notSoldToCompanies: true,
  noVocationalQualification: true,
  sessions: [
    { date: '2027-03-02', start: '18:00', end: '19:30', breakMinutes: 0, place: 'Seurantalo', onlineLink: '' },
    { date: '2027-03-09', start: '18:00', end: '19:45', breakMinutes: 15, place: 'Seurantalo', onlineLink: '' },
  ],
  ...changes,
});

/** Centre staff grant the organisation hours for 2027, published in the decision window (November 2026). */
export async function grant2027Hours(db: Database, organisationId: string, grantedHundredths: number) {
  const clock: Clock = { now: () => new Date('2026-11-20T09:00:00Z') };
  const staff = { db, clock, actor: await actorByEmail(db, 'asiantuntija@sivis.example') };
  await setBudget(staff, 2027, 100_000, '');
  await saveDecisionDraft(staff, { year: 2027, organisationId, grantedHundredths, decisionText: '' });
  await publishDecisions(staff, 2027, organisationId, { publicUrl: 'http://sivis.test' });
}

/** The demo trainer's public plan for the unit (the sample's March 2027 sessions), saved and submitted on 15 January 2027. */
export async function submittedPublicPlan(db: Database, organisationId: string, unitId: string, changes: Partial<PlanInput> = {}) {
  const trainer = { db, clock: { now: () => new Date('2027-01-15T09:00:00Z') }, actor: await actorByEmail(db, 'kouluttaja1@kll.example') };
  const saved = await savePlan(trainer, organisationId, null, samplePlan(unitId, { isPublic: true, ...changes }));
  if (!saved.ok) throw new Error(saved.error);
  const submitted = await submitPlan(trainer, organisationId, saved.id);
  if (!submitted.ok) throw new Error(submitted.error);
  return saved.id;
}

/** A test database with the demo data, organisation A granted hours for 2027, and the demo trainer's association. */
export async function trainingsTestDatabase(grantedHundredths: number) {
  const handle = await openTestDatabase();
  await seedDemoData(handle.db);
  const orgA = await organisationIdByName(handle.db, demoOrgA);
  const aurora = (await unitByName(handle.db, 'Revontulten yhdistys')).id;
  await grant2027Hours(handle.db, orgA, grantedHundredths);
  return { handle, orgA, aurora };
}
