import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { publishDecisions, saveDecisionDraft, setBudget } from '../../server/hours/decisions';
import { organisationHours } from '../../server/hours/monitoring';
import {
  createProposal,
  deleteLine,
  fillDelegatedLine,
  findProposal,
  proposalLines,
  proposalTotals,
  returnProposal,
  saveLineAsAdmin,
  submitProposal,
} from '../../server/hours/proposals';
import { applyForHours, decideRequest, requestHistory, returnUnusedHours } from '../../server/hours/requests';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { actorByEmail, demoOrgA, organisationIdByName, unitByName } from '../support/demo';
import { emailsTo } from '../support/outbox';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
const links = { publicUrl: 'http://sivis.test' };
let orgA: string;
let north: string;
let south: string;
const h = (hours: number) => Math.round(hours * 100);
const at = (iso: string) => clock.set(new Date(iso), { frozen: true });
const as = async (email: string) => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, email) });
const admin = () => as('paakayttaja@kll.example');
const coordinator = () => as('yhteyshenkilo@kll.example'); // of Pohjoisen piiri
const staff = () => as('asiantuntija@sivis.example');
const line = (overrides: Partial<Parameters<typeof saveLineAsAdmin>[4]> = {}) => ({ unitId: null, theme: 'Kansalaistoiminta', hundredths: h(100), justification: 'Kurssit', delegated: false, ...overrides });

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  orgA = await organisationIdByName(handle.db, demoOrgA);
  north = (await unitByName(handle.db, 'Pohjoisen piiri')).id;
  south = (await unitByName(handle.db, 'Etelän piiri')).id;
});
afterAll(() => handle.close());

describe('hour proposals', () => {
  it('are made in the proposal window for next year only', async () => {
    at('2026-09-30T20:00:00Z'); // 23:00 on 30 Sep in Helsinki
    expect(await createProposal(await admin(), orgA, 2027)).toEqual({ ok: false, error: 'proposals.errors.windowClosed' });
    at('2026-10-05T08:00:00Z');
    expect(await createProposal(await admin(), orgA, 2028)).toEqual({ ok: false, error: 'proposals.errors.windowClosed' });
    expect(await createProposal(await admin(), orgA, 2027)).toMatchObject({ ok: true });
    expect(await createProposal(await admin(), orgA, 2027)).toEqual({ ok: false, error: 'proposals.errors.exists' });
  });

  it('delegate lines to units whose coordinators fill them in and mark them ready', async () => {
    expect(await saveLineAsAdmin(await admin(), orgA, 2027, null, line({ hundredths: h(300) }))).toMatchObject({ ok: true });
    const delegated = await saveLineAsAdmin(await admin(), orgA, 2027, null, line({ unitId: north, hundredths: 0, delegated: true }));
    const other = await saveLineAsAdmin(await admin(), orgA, 2027, null, line({ unitId: south, hundredths: 0, delegated: true }));
    if (!delegated.ok || !other.ok) throw new Error('lines not saved');
    // The coordinator sees and fills only the line of their own district.
    const proposal = (await findProposal(handle.db, orgA, 2027))!;
    expect((await proposalLines(await coordinator(), proposal)).map((l) => l.id)).toEqual([delegated.id]);
    expect(await fillDelegatedLine(await coordinator(), orgA, 2027, other.id, { theme: 'x', hundredths: h(1), justification: '', ready: true })).toEqual({
      ok: false,
      error: 'proposals.errors.notYourLine',
    });
    expect(await submitProposal(await admin(), orgA, 2027)).toEqual({ ok: false, error: 'proposals.errors.notReady' });
    expect(await fillDelegatedLine(await coordinator(), orgA, 2027, delegated.id, { theme: 'Kuorot', hundredths: h(120), justification: 'Piirin kuorot', ready: true })).toMatchObject({ ok: true });
    // The admin takes the southern line back (no longer delegated) and removes it.
    expect(await deleteLine(await admin(), orgA, 2027, other.id)).toMatchObject({ ok: true });
    expect(await submitProposal(await admin(), orgA, 2027)).toMatchObject({ ok: true });
    expect((await findProposal(handle.db, orgA, 2027))!.status).toBe('submitted');
    expect((await proposalTotals(handle.db, 2027, [orgA])).get(orgA)).toEqual({ status: 'submitted', hundredths: h(420) });
    // Submitted means locked, for the admin and the coordinator alike.
    expect(await saveLineAsAdmin(await admin(), orgA, 2027, null, line())).toEqual({ ok: false, error: 'proposals.errors.locked' });
    expect(await fillDelegatedLine(await coordinator(), orgA, 2027, delegated.id, { theme: 'x', hundredths: h(1), justification: '', ready: true })).toEqual({
      ok: false,
      error: 'proposals.errors.locked',
    });
  });

  it('can be returned by staff and resubmitted after the window has closed', async () => {
    at('2026-11-05T08:00:00Z');
    expect(await returnProposal(await staff(), orgA, 2027, 'Perustele piirin tunnit tarkemmin.', links)).toMatchObject({ ok: true });
    const [email] = await emailsTo(handle.db, 'paakayttaja@kll.example');
    expect(email!.bodyText).toContain('Perustele piirin tunnit tarkemmin.');
    const [first] = await proposalLines(await admin(), (await findProposal(handle.db, orgA, 2027))!);
    expect(await saveLineAsAdmin(await admin(), orgA, 2027, first!.id, line({ hundredths: h(350), justification: 'Tarkemmin' }))).toMatchObject({ ok: true });
    expect(await submitProposal(await admin(), orgA, 2027)).toMatchObject({ ok: true });
    expect(await returnProposal(await staff(), orgA, 2027, '', links)).toMatchObject({ ok: true });
    expect(await returnProposal(await staff(), orgA, 2027, '', links)).toEqual({ ok: false, error: 'proposals.errors.notSubmitted' });
  });
});

describe('additional hours and returns', () => {
  it('are applied for and returned only in their windows; staff grant part; returns never exceed the free pool', async () => {
    at('2026-11-20T08:00:00Z');
    await setBudget(await staff(), 2027, h(1000), '');
    await saveDecisionDraft(await staff(), { year: 2027, organisationId: orgA, grantedHundredths: h(400), decisionText: '' });
    await publishDecisions(await staff(), 2027, orgA, links);
    at('2027-03-12T08:00:00Z');
    expect(await applyForHours(await admin(), orgA, { hundredths: h(200), justification: 'Uusi kurssi' }, links)).toEqual({ ok: false, error: 'requests.errors.windowClosed' });
    at('2027-03-13T08:00:00Z');
    const applied = await applyForHours(await admin(), orgA, { hundredths: h(200), justification: 'Uusi kurssi' }, links);
    if (!applied.ok) throw new Error(applied.error);
    expect((await emailsTo(handle.db, 'asiantuntija@sivis.example'))[0]!.subject).toContain(demoOrgA);
    expect(await decideRequest(await staff(), orgA, applied.id, { grantedHundredths: h(250), reason: '' }, links)).toEqual({ ok: false, error: 'requests.errors.moreThanRequested' });
    // Decided only under its own organisation.
    const otherOrganisation = await organisationIdByName(handle.db, 'Kulttuuriyhdistysten Keskusliitto ry');
    expect(await decideRequest(await staff(), otherOrganisation, applied.id, { grantedHundredths: h(10), reason: '' }, links)).toEqual({ ok: false, error: 'notFound' });
    expect(await decideRequest(await staff(), orgA, applied.id, { grantedHundredths: h(150), reason: 'Osa kurssista' }, links)).toEqual({ ok: true, id: applied.id });
    expect(await decideRequest(await staff(), orgA, applied.id, { grantedHundredths: h(10), reason: '' }, links)).toEqual({ ok: false, error: 'requests.errors.alreadyDecided' });
    expect((await emailsTo(handle.db, 'paakayttaja@kll.example'))[0]!.bodyText).toContain('Osa kurssista');
    expect((await organisationHours(await admin(), orgA, 2027)).organisation.base).toBe(h(550));

    at('2027-08-20T08:00:00Z');
    expect(await returnUnusedHours(await admin(), orgA, { hundredths: h(600), justification: '' })).toEqual({ ok: false, error: 'requests.errors.moreThanFree', availableHundredths: h(550) });
    expect(await returnUnusedHours(await admin(), orgA, { hundredths: h(50), justification: 'Syksyn kurssi peruttiin' })).toMatchObject({ ok: true });
    expect((await organisationHours(await admin(), orgA, 2027)).organisation.base).toBe(h(500));
    const history = await requestHistory(await admin(), orgA, 2027);
    expect(history.map((r) => [r.request.kind, r.request.status, r.request.grantedHundredths])).toEqual([
      ['return', 'done', null],
      ['additional', 'decided', h(150)],
    ]);
  });
});
