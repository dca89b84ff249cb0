import { eq } from 'drizzle-orm';
import type { Language } from '../../app/i18n';
import type { AdjustableClock } from '../../server/clock';
import { trainingParticipants } from '../../server/db/schema';
import type { Database } from '../../server/db/types';
import { type ParticipantDetails, registerForTraining } from '../../server/trainings/registration';
import { type PlanInput, savePlan, submitPlan } from '../../server/trainings/plans';
import { advanceTrainingStatuses } from '../../server/trainings/status';
import { actorByEmail } from './demo';
import { emailsTo } from './outbox';
import { samplePlan } from './trainings';

const links = { publicUrl: 'http://sivis.test' };

export interface Registrant {
  name: string;
  email: string;
  registerConsent?: boolean;
  language?: Language;
}

export const registrantDetails = (person: Registrant): ParticipantDetails & { language: Language; registerConsent?: boolean } => ({
  name: person.name,
  email: person.email,
  birthYear: 1980,
  municipality: 'Oulu',
  gender: null,
  firstTimeThisYear: false,
  language: person.language ?? 'fi',
  ...(person.registerConsent === undefined ? {} : { registerConsent: person.registerConsent }),
});

export interface TrainingSetup {
  organisationId: string;
  unitId: string;
  /** The trainer of the unit who plans and submits it (on 15 January 2027). */
  trainerEmail: string;
  name: string;
  /** The approved model version it is based on, or null for a training without a model. */
  modelVersionId: string | null;
  capacity?: number | null;
  /** Anything else of the plan to change from the sample. */
  plan?: Partial<PlanInput>;
}

/**
 * A public training with the sample plan's sessions (2 and 9 March 2027 at Seurantalo), planned and
 * submitted by the unit's trainer, the people registered through the public form on 20 January 2027
 * (the clock is left there). Returns the training's id and a lookup of the participants' ids by email.
 */
export async function trainingWithRegistrations(db: Database, clock: AdjustableClock, setup: TrainingSetup, people: Registrant[]) {
  const planner = { db, clock: { now: () => new Date('2027-01-15T09:00:00Z') }, actor: await actorByEmail(db, setup.trainerEmail) };
  const saved = await savePlan(planner, setup.organisationId, null, samplePlan(setup.unitId, { name: setup.name, isPublic: true, capacity: setup.capacity ?? null, modelVersionId: setup.modelVersionId, ...setup.plan }));
  if (!saved.ok) throw new Error(`Plan not saved: ${saved.error}`);
  const submitted = await submitPlan(planner, setup.organisationId, saved.id);
  if (!submitted.ok) throw new Error(`Plan not submitted: ${submitted.error}`);
  clock.set(new Date('2027-01-20T10:00:00Z'), { frozen: true });
  for (const person of people) {
    const registered = await registerForTraining({ db, clock }, saved.id, registrantDetails(person), links);
    if (!registered.ok) throw new Error(`${person.email} not registered: ${registered.error}`);
  }
  return { trainingId: saved.id, participantId: (email: string) => participantIdOf(db, saved.id, email) };
}

/** The participant's id on the training by their email (as registered, any case). */
export async function participantIdOf(db: Database, trainingId: string, email: string): Promise<string> {
  const rows = await db.select({ id: trainingParticipants.id, email: trainingParticipants.email }).from(trainingParticipants).where(eq(trainingParticipants.trainingId, trainingId));
  const row = rows.find((r) => r.email.toLowerCase() === email.toLowerCase());
  if (!row) throw new Error(`${email} is not on the training`);
  return row.id;
}

/** The clock on 10 March 2027, the day after the sample plan's last session, and the trainings moved on by the date. */
export async function dayAfterTheTraining(db: Database, clock: AdjustableClock) {
  clock.set(new Date('2027-03-10T08:00:00Z'), { frozen: true });
  await advanceTrainingStatuses({ db, clock });
}

/** An ended training (see trainingWithRegistrations); the clock is left on 10 March 2027. */
export async function endedTraining(db: Database, clock: AdjustableClock, setup: TrainingSetup, people: Registrant[]) {
  const training = await trainingWithRegistrations(db, clock, setup, people);
  await dayAfterTheTraining(db, clock);
  return training;
}

/** The secret of the newest emailed link under `/<path>/<secret>` to the address, or null when that email has none. */
export async function newestLinkSecret(db: Database, address: string, path: 'study-register/consent' | 'portal/sign-in'): Promise<string | null> {
  const [email] = await emailsTo(db, address);
  return (email && new RegExp(`/${path}/([A-Za-z0-9_-]{43})`).exec(email.bodyText)?.[1]) ?? null;
}
