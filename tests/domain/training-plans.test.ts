import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { organisationHours } from '../../server/hours/monitoring';
import { sessionsFromToday } from '../../server/trainings/copy';
import { listTrainings } from '../../server/trainings/list';
import { type PlanInput, cancelPlan, savePlan, submitPlan } from '../../server/trainings/plans';
import { getPlan } from '../../server/trainings/read';
import { advanceTrainingStatuses } from '../../server/trainings/status';
import { samplePlan, trainingsTestDatabase } from '../support/trainings';
import { actorByEmail, unitByName } from '../support/demo';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
let orgA: string;
let aurora: string;
const links = { publicUrl: 'http://sivis.test' };
const as = async (email: string) => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, email) });
const plan = (changes: Partial<PlanInput> = {}) => samplePlan(aurora, changes);

beforeAll(async () => {
  ({ handle, orgA, aurora } = await trainingsTestDatabase(500));
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
    expect(await cancelPlan(trainer, orgA, first.id, links)).toEqual({ ok: true, id: first.id });
    expect(await submitPlan(trainer, orgA, second.id)).toEqual({ ok: true, id: second.id });
    expect(await submitPlan(trainer, orgA, second.id)).toEqual({ ok: false, error: 'trainings.errors.notDraft' });
  });

  it('adjust the reservation when a submitted plan’s sessions change, and refuse with the numbers when the pool cannot cover it', async () => {
    const trainer = await as('kouluttaja1@kll.example');
    clock.set(new Date('2027-01-20T09:00:00Z'), { frozen: true });
    const shown = await getPlan(trainer, orgA, (await listTrainings(trainer, { year: 2027, organisationId: null, unitId: null, status: 'submitted', type: null, search: 'jatko', sort: 'name', descending: false, page: 1 })).rows[0]!.id);
    expect(shown!.held.reserved).toBe(400);
    // One session of 90 minutes: 2 h, 2 h go back to the pool.
    expect(await savePlan(trainer, orgA, shown!.id, plan({ name: 'Jatkokurssi', sessions: [plan().sessions[0]!] }))).toEqual({ ok: true, id: shown!.id });
    expect((await getPlan(trainer, orgA, shown!.id))!.held.reserved).toBe(200);
    // Three times as long as the pool allows: refused, nothing changes.
    const long = { date: '2027-03-16', start: '09:00', end: '16:00', breakMinutes: 0, place: 'Seurantalo', onlineLink: '' };
    expect(await savePlan(trainer, orgA, shown!.id, plan({ name: 'Jatkokurssi', sessions: [long] }))).toEqual({ ok: false, error: 'hours.errors.insufficient', availableHundredths: 300, neededHundredths: 933 });
    const after = await getPlan(trainer, orgA, shown!.id);
    expect([after!.held.reserved, after!.sessions.length, after!.teachingMinutes]).toEqual([200, 1, 90]);
    // A submitted plan stays in its year.
    expect(await savePlan(trainer, orgA, shown!.id, plan({ name: 'Jatkokurssi', sessions: [{ ...long, date: '2028-01-10', end: '10:30' }] }))).toEqual({ ok: false, error: 'trainings.errors.yearChanged' });
  });

  it('move to ongoing on the first day and to ended after the last, with the clock', async () => {
    const trainer = await as('kouluttaja1@kll.example');
    const id = (await listTrainings(trainer, { year: 2027, organisationId: null, unitId: null, status: 'submitted', type: null, search: 'jatko', sort: 'name', descending: false, page: 1 })).rows[0]!.id;
    clock.set(new Date('2027-03-02T08:00:00Z'), { frozen: true });
    await advanceTrainingStatuses(trainer);
    expect((await getPlan(trainer, orgA, id))!.status).toBe('ongoing');
    clock.set(new Date('2027-03-03T08:00:00Z'), { frozen: true });
    await advanceTrainingStatuses(trainer);
    expect((await getPlan(trainer, orgA, id))!.status).toBe('ended');
    expect(await cancelPlan(trainer, orgA, id, links)).toEqual({ ok: false, error: 'trainings.errors.notEditable' });
  });

  it('list only what the actor may see: a trainer their own, a coordinator their subtree, staff all', async () => {
    const all = { year: null, organisationId: null, unitId: null, status: null, type: null, search: '', sort: 'startsOn' as const, descending: false, page: 1 };
    const other = await savePlan(await as('kouluttaja2@kll.example'), orgA, null, plan({ unitId: (await unitByName(handle.db, 'Tunturin yhdistys')).id, name: 'Toisen kouluttajan kurssi' }));
    if (!other.ok) throw new Error(other.error);
    const names = async (email: string) => (await listTrainings(await as(email), all)).rows.map((r) => r.name).sort();
    expect(await names('kouluttaja1@kll.example')).not.toContain('Toisen kouluttajan kurssi');
    expect(await names('kouluttaja2@kll.example')).toEqual(['Toisen kouluttajan kurssi']);
    expect(await names('yhteyshenkilo@kll.example')).toContain('Toisen kouluttajan kurssi');
    expect((await names('asiantuntija@sivis.example')).length).toBe((await names('paakayttaja@kll.example')).length);
    expect(await names('paakayttaja@kyk.example')).toEqual([]);
  });

  it('copy an earlier plan with its sessions moved forward by whole weeks and the declarations to be given again', () => {
    const sessions = [
      { date: '2026-03-03', start: '18:00', end: '19:30', breakMinutes: 0, place: 'Talo', onlineLink: '' },
      { date: '2026-03-10', start: '18:00', end: '19:30', breakMinutes: 0, place: 'Talo', onlineLink: '' },
    ];
    // 2026-03-03 is a Tuesday; the first Tuesday from 2027-01-15 on is 2027-01-19.
    expect(sessionsFromToday(sessions, '2027-01-15').map((s) => s.date)).toEqual(['2027-01-19', '2027-01-26']);
    expect(sessionsFromToday(sessions, '2026-01-01')).toEqual(sessions);
  });

  it('refuse submission on a hard rule, naming it', async () => {
    const trainer = await as('kouluttaja1@kll.example');
    clock.set(new Date('2027-01-15T09:00:00Z'), { frozen: true });
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
