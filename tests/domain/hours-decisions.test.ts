import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { auditLog, hourDecisions } from '../../server/db/schema';
import { renderDecisionPdf } from '../../server/hours/decision-pdf';
import { centreYear, decisionOverview, getDecision, publishDecisions, saveDecisionDraft, setBudget, setOrganisationPeerQuota } from '../../server/hours/decisions';
import { distributeHours } from '../../server/hours/distribution';
import { reserveHours } from '../../server/hours/ledger';
import { hourWarnings, organisationHourFigures, organisationHours, unitHours } from '../../server/hours/monitoring';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { actorByEmail, demoOrgA, demoOrgB, organisationIdByName, unitByName } from '../support/demo';
import { emailsTo } from '../support/outbox';
import { pdfText } from '../support/pdf-text';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
const links = { publicUrl: 'http://sivis.test' };
let orgA: string;
let orgB: string;
const h = (hours: number) => Math.round(hours * 100);
const as = async (email: string) => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, email) });
const staff = () => as('asiantuntija@sivis.example');
const draft = async (organisationId: string, hours: number) =>
  saveDecisionDraft(await staff(), { year: 2027, organisationId, grantedHundredths: h(hours), decisionText: 'Myönnetään koulutuksiin.' });

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  orgA = await organisationIdByName(handle.db, demoOrgA);
  orgB = await organisationIdByName(handle.db, demoOrgB);
  // Inside the template's decision window (1–30 Nov) of 2026: next year's decisions.
  clock.set(new Date('2026-11-20T09:00:00Z'), { frozen: true });
});
afterAll(() => handle.close());

describe('hour decisions', () => {
  it('are drafted freely, and published only in the decision window for next year', async () => {
    expect(await setBudget(await staff(), 2027, h(1000), 'OKM:n päätös')).toEqual({ ok: true });
    expect(await draft(orgA, 600)).toEqual({ ok: true });
    expect(await draft(orgA, 700)).toEqual({ ok: true });
    clock.set(new Date('2026-12-01T09:00:00Z'), { frozen: true });
    expect(await publishDecisions(await staff(), 2027, orgA, links)).toEqual({ ok: false, error: 'hours.errors.decisionWindowClosed' });
    clock.set(new Date('2026-11-20T09:00:00Z'), { frozen: true });
    expect(await publishDecisions(await staff(), 2028, orgA, links)).toEqual({ ok: false, error: 'hours.errors.decisionWindowClosed' });
    expect(await getDecision(handle.db, 2027, orgA)).toMatchObject({ status: 'draft', grantedHundredths: h(700) });
  });

  it('publish all or nothing within the centre’s budget, email the admins and fix the decision', async () => {
    expect(await draft(orgB, 400)).toEqual({ ok: true });
    // 700 + 400 > 1000: neither is published.
    expect(await publishDecisions(await staff(), 2027, null, links)).toMatchObject({ ok: false, error: 'hours.errors.budgetExceeded' });
    expect((await getDecision(handle.db, 2027, orgA))!.status).toBe('draft');
    expect((await centreYear(handle.db, 2027)).free).toBe(h(1000));
    expect(await draft(orgB, 300)).toEqual({ ok: true });
    expect(await publishDecisions(await staff(), 2027, null, links)).toEqual({ ok: true, published: 2 });
    expect(await centreYear(handle.db, 2027)).toEqual({ budget: h(1000), free: 0 });
    const decision = (await getDecision(handle.db, 2027, orgA))!;
    expect(decision).toMatchObject({ status: 'published', organisationName: demoOrgA, publisherName: expect.any(String) });
    const [email] = await emailsTo(handle.db, 'paakayttaja@kll.example');
    expect(email!.subject).toBe(`Opetustuntipäätös vuodelle 2027: ${demoOrgA}`);
    expect(email!.bodyText).toContain('700 tuntia');
    expect(email!.bodyText).toContain(`http://sivis.test/hours/decisions/${decision.id}/pdf`);
    expect(await draft(orgA, 10)).toEqual({ ok: false, error: 'hours.errors.alreadyPublished' });
    expect(await publishDecisions(await staff(), 2027, null, links)).toEqual({ ok: false, error: 'hours.errors.nothingToPublish' });
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'hours.decisionPublished'));
    expect(audits).toHaveLength(2);
    // The budget cannot now be cut below what is granted.
    expect(await setBudget(await staff(), 2027, h(900), '')).toMatchObject({ ok: false, availableHundredths: 0 });
  });

  it('print as a PDF with what was recorded at publication', async () => {
    const decision = (await getDecision(handle.db, 2027, orgA))!;
    await handle.db.update(hourDecisions).set({ organisationName: 'Nimi julkaisuhetkellä' }).where(eq(hourDecisions.id, decision.id));
    const bytes = await renderDecisionPdf((await getDecision(handle.db, 2027, orgA))!, { language: 'fi', centreName: 'Opintokeskus Sivis', organisationName: 'Nykyinen nimi', businessId: '1234567-8' });
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe('Päätös opetustunneista vuodelle 2027');
    const text = await pdfText(bytes);
    expect(text).toContain('Järjestö: Nimi julkaisuhetkellä');
    expect(text).toContain('Myönnetyt opetustunnit: 700 h');
    expect(text).not.toContain('LUONNOS');
  });

  it('list every member organisation with last year’s grant and use', async () => {
    const overview = await decisionOverview(await staff(), 2028);
    const a = overview.rows.find((r) => r.organisation.id === orgA)!;
    expect(a).toMatchObject({ lastYearGranted: h(700), lastYearUsed: 0, decision: null });
    expect(overview.centre).toEqual({ budget: 0, free: 0 });
  });

  it('set a peer-group quota from the budget, never beyond it', async () => {
    await setBudget(await staff(), 2027, h(1050), 'lisäys');
    expect(await setOrganisationPeerQuota(await staff(), { year: 2027, organisationId: orgA, hundredths: h(60), reason: '' })).toMatchObject({ ok: false, availableHundredths: h(50) });
    expect(await setOrganisationPeerQuota(await staff(), { year: 2027, organisationId: orgA, hundredths: h(40), reason: '' })).toEqual({ ok: true });
    expect((await decisionOverview(await staff(), 2027)).rows.find((r) => r.organisation.id === orgA)!.peerQuota).toBe(h(40));
  });
});

describe('distribution and monitoring', () => {
  it('lets the admin allocate to a unit and take unused hours back, shown per unit', async () => {
    const admin = await as('paakayttaja@kll.example');
    const north = await unitByName(handle.db, 'Pohjoisen piiri');
    clock.set(new Date('2027-03-02T09:00:00Z'), { frozen: true });
    const allocate = (hours: number, direction: 'allocate' | 'takeBack' = 'allocate', unitId = north.id) =>
      distributeHours(admin, { year: 2027, organisationId: orgA, unitId, hundredths: h(hours), reason: 'Piirin koulutukset', direction });
    expect(await allocate(800)).toMatchObject({ ok: false, availableHundredths: h(700) });
    expect(await allocate(300)).toEqual({ ok: true });
    // A finished year stays as it was.
    expect(await distributeHours(admin, { year: 2026, organisationId: orgA, unitId: north.id, hundredths: h(1), reason: '', direction: 'allocate' })).toEqual({ ok: false, error: 'hours.errors.pastYear' });
    const otherUnit = (await unitByName(handle.db, 'Länsi-Suomen alue')).id;
    expect(await allocate(10, 'allocate', otherUnit)).toEqual({ ok: false, error: 'hours.errors.unknownUnit' });
    await handle.db.transaction((tx) =>
      reserveHours({ db: tx, clock, actorUserId: null }, { year: 2027, organisationId: orgA, unitId: north.id, trainingId: randomUUID(), peerGroup: false }, h(120)),
    );
    expect(await allocate(200, 'takeBack')).toMatchObject({ ok: false, availableHundredths: h(180) });
    expect(await allocate(80, 'takeBack')).toEqual({ ok: true });
    const hours = await organisationHours(admin, orgA, 2027);
    expect(hours.organisation).toMatchObject({ base: h(700), reserved: h(120), used: 0, free: h(580), warnings: [] });
    expect(hours.unallocated).toBe(h(480));
    // The front page's glance at the same figures.
    expect(await organisationHourFigures(admin, orgA, 2027)).toEqual(hours.organisation);
    expect(hours.units.find((u) => u.unit.id === north.id)).toMatchObject({ allocated: h(220), reserved: h(120), used: 0, remaining: h(100) });
    expect(hours.series.slice(0, 4).map((p) => p.base)).toEqual([h(700), h(700), h(700), null]);
    expect(hours.series[2]!.reserved).toBe(h(120));
    const unit = await unitHours(admin, orgA, north.id, 2027);
    expect(unit.figures).toMatchObject({ base: h(220), reserved: h(120), free: h(100) });
    // The coordinator of another district sees only their own part of the tree.
    const coordinator = await as('yhteyshenkilo@kll.example');
    expect((await organisationHours(coordinator, orgA, 2027)).units.map((u) => u.unit.name)).toEqual(['Pohjoisen piiri', 'Revontulten yhdistys', 'Tunturin yhdistys']);
  });

  it('warn when free hours fall under 10 %, and from 1 August when over 15 % looks unused', () => {
    const figures = (free: number) => ({ base: h(100), reserved: h(100) - h(free), used: 0, free: h(free) });
    expect(hourWarnings(figures(9), 2027, '2027-03-01')).toEqual(['lowFree']);
    expect(hourWarnings(figures(10), 2027, '2027-03-01')).toEqual([]);
    expect(hourWarnings(figures(16), 2027, '2027-07-31')).toEqual([]);
    expect(hourWarnings(figures(16), 2027, '2027-08-01')).toEqual(['projectedUnused']);
    expect(hourWarnings(figures(15), 2027, '2027-08-01')).toEqual([]);
    expect(hourWarnings({ base: 0, reserved: 0, used: 0, free: 0 }, 2027, '2027-09-01')).toEqual([]);
  });
});
