import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { publishDecisions, saveDecisionDraft, setBudget } from '../../server/hours/decisions';
import { organisationHours } from '../../server/hours/monitoring';
import { seedDemoData } from '../../server/seed/demo';
import { type PlanInput, cancelPlan, savePlan, submitPlan } from '../../server/trainings/plans';
import { openTestDatabase } from '../support/database';
import { actorByEmail, demoOrgA, organisationIdByName, unitByName } from '../support/demo';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
let orgA: string;
let aurora: string;
const as = async (email: string) => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, email) });
const plan = (changes: Partial<PlanInput> = {}): PlanInput => ({
  unitId: aurora,
  name: 'Kuorolaulun peruskurssi',
  description: '',
  type: 'course',
  mode: 'onSite',
  topicClass: '',
  targetGroup: '',
  learningGoals: 'Äänenkäytön perusteet',
  plannedParticipants: 10,
  responsibleName: '',
  priceCents: 0,
  noOtherStateFunding: true,
  notSoldToCompanies: true,
  noVocationalQualification: true,
  // 2 × 90 min = 180 min = 4 h.
  sessions: [
    { date: '2027-03-02', start: '18:00', end: '19:30', breakMinutes: 0, place: 'Seurantalo', onlineLink: '' },
    { date: '2027-03-09', start: '18:00', end: '19:45', breakMinutes: 15, place: 'Seurantalo', onlineLink: '' },
  ],
  ...changes,
});

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  orgA = await organisationIdByName(handle.db, demoOrgA);
  aurora = (await unitByName(handle.db, 'Revontulten yhdistys')).id;
  clock.set(new Date('2026-11-20T09:00:00Z'), { frozen: true });
  const staff = await as('asiantuntija@sivis.example');
  await setBudget(staff, 2027, 100_000, '');
  await saveDecisionDraft(staff, { year: 2027, organisationId: orgA, grantedHundredths: 500, decisionText: '' });
  await publishDecisions(staff, 2027, orgA, { publicUrl: 'http://sivis.test' });
});
afterAll(() => handle.close());

describe('training plans', () => {
  it('reserve their hours when submitted, refuse with the numbers when the pool cannot cover them, and release when cancelled', async () => {
    const trainer = await as('kouluttaja1@kll.example');
    clock.set(new Date('2027-01-15T09:00:00Z'), { frozen: true });
    const first = await savePlan(trainer, orgA, null, plan());
    if (!first.ok) throw new Error(first.error);
    expect(await submitPlan(trainer, orgA, first.id)).toEqual({ ok: true, id: first.id });
    expect((await organisationHours(trainer, orgA, 2027)).organisation).toMatchObject({ base: 500, reserved: 400, free: 100 });
    const second = await savePlan(trainer, orgA, null, plan({ name: 'Jatkokurssi' }));
    if (!second.ok) throw new Error(second.error);
    expect(await submitPlan(trainer, orgA, second.id)).toEqual({ ok: false, error: 'hours.errors.insufficient', availableHundredths: 100, neededHundredths: 400 });
    expect(await cancelPlan(trainer, orgA, first.id)).toEqual({ ok: true, id: first.id });
    expect(await submitPlan(trainer, orgA, second.id)).toEqual({ ok: true, id: second.id });
    expect(await savePlan(trainer, orgA, second.id, plan())).toEqual({ ok: false, error: 'trainings.errors.notDraft' });
  });

  it('refuse submission on a hard rule, naming it', async () => {
    const trainer = await as('kouluttaja1@kll.example');
    const camp = await savePlan(trainer, orgA, null, plan({ name: 'Kesäleiri' }));
    if (!camp.ok) throw new Error(camp.error);
    const result = await submitPlan(trainer, orgA, camp.id);
    expect(result).toMatchObject({ ok: false, error: 'trainings.errors.ineligible', findings: [{ rule: 'forbiddenWord', severity: 'hard' }] });
    expect(await savePlan(trainer, orgA, null, plan({ sessions: [{ date: '2027-03-02', start: '19:00', end: '18:00', breakMinutes: 0, place: '', onlineLink: '' }] }))).toEqual({
      ok: false,
      error: 'trainings.errors.invalidSession',
    });
  });
});
