import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleHolders } from '../../server/access/approvers';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { announcements, auditLog, users } from '../../server/db/schema';
import { type AnnouncementInput, getAnnouncement, listAnnouncements, sendAnnouncement } from '../../server/notifications/announcements';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { actorByEmail, demoOrgA, demoOrgB, organisationIdByName } from '../support/demo';
import { emailsTo } from '../support/outbox';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
const links = { publicUrl: 'http://sivis.test' };
const as = async (email: string) => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, email) });
const input = (overrides: Partial<AnnouncementInput> = {}): AnnouncementInput => ({
  subjectFi: 'Syysseminaari',
  subjectSv: '',
  subjectEn: '',
  bodyFi: 'Tervetuloa syysseminaariin.',
  bodySv: '',
  bodyEn: '',
  audience: 'allAdmins',
  organisationIds: [],
  ...overrides,
});

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  clock.set(new Date('2026-09-01T07:00:00Z'), { frozen: true });
});
afterAll(() => handle.close());

describe('announcements', () => {
  it('go to every active admin in their language, falling back to Finnish, with the announcement', async () => {
    await handle.db.update(users).set({ language: 'sv' }).where(eq(users.email, 'paakayttaja@kyk.example'));
    await handle.db.update(users).set({ language: 'en' }).where(eq(users.email, 'paakayttaja@lly.example'));
    const admins = await roleHolders(handle.db, { roles: ['org_admin'], activeOnly: true });
    const result = await sendAnnouncement(await as('asiantuntija@sivis.example'), input({ subjectSv: 'Höstseminarium', bodySv: 'Välkommen.' }), links);
    if (!result.ok) throw new Error(result.error);
    expect(result.recipients).toBe(admins.length);
    const [fi] = await emailsTo(handle.db, 'paakayttaja@kll.example');
    expect(fi).toMatchObject({ subject: 'Syysseminaari' });
    expect(fi!.bodyText).toContain(`http://sivis.test/announcements/${result.id}`);
    expect((await emailsTo(handle.db, 'paakayttaja@kyk.example'))[0]).toMatchObject({ subject: 'Höstseminarium' });
    expect((await emailsTo(handle.db, 'paakayttaja@lly.example'))[0]).toMatchObject({ subject: 'Syysseminaari' });
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, result.id));
    expect(audit).toMatchObject({ action: 'announcement.sent' });
  });

  it('to chosen organisations reach only their admins, and only they read it', async () => {
    const orgA = await organisationIdByName(handle.db, demoOrgA);
    const before = (await emailsTo(handle.db, 'paakayttaja@kyk.example')).length;
    const result = await sendAnnouncement(await as('asiantuntija@sivis.example'), input({ subjectFi: 'Vain KLL', audience: 'organisations', organisationIds: [orgA] }), links);
    if (!result.ok) throw new Error(result.error);
    expect((await emailsTo(handle.db, 'paakayttaja@kll.example'))[0]).toMatchObject({ subject: 'Vain KLL' });
    expect(await emailsTo(handle.db, 'paakayttaja@kyk.example')).toHaveLength(before);
    expect(await getAnnouncement(await as('paakayttaja@kll.example'), result.id)).toMatchObject({ subjectFi: 'Vain KLL' });
    expect(await getAnnouncement(await as('paakayttaja@kyk.example'), result.id)).toBeNull();
    const kykList = await listAnnouncements(await as('paakayttaja@kyk.example'), 1);
    expect(kykList.rows.map((r) => r.subjectFi)).toEqual(['Syysseminaari']);
    const staffList = await listAnnouncements(await as('asiantuntija@sivis.example'), 1);
    expect(staffList.total).toBe(2);
  });

  it('are refused without organisations, without admins, or with an unknown organisation, and nothing is written', async () => {
    const staff = await as('asiantuntija@sivis.example');
    const count = async () => (await handle.db.select().from(announcements)).length;
    const before = await count();
    expect(await sendAnnouncement(staff, input({ audience: 'organisations' }), links)).toMatchObject({ ok: false, error: 'announcements.errors.chooseOrganisations' });
    // Organisations ticked while "all admins" is chosen would email everyone by mistake.
    const orgA = await organisationIdByName(handle.db, demoOrgA);
    expect(await sendAnnouncement(staff, input({ organisationIds: [orgA] }), links)).toMatchObject({ ok: false, error: 'announcements.errors.organisationsWithAllAdmins' });
    expect(await sendAnnouncement(staff, input({ audience: 'organisations', organisationIds: ['00000000-0000-4000-8000-000000000000'] }), links)).toMatchObject({
      ok: false,
      error: 'forms.invalidValue',
    });
    const orgB = await organisationIdByName(handle.db, demoOrgB);
    await handle.db.update(users).set({ status: 'deactivated' }).where(eq(users.email, 'paakayttaja@kyk.example'));
    expect(await sendAnnouncement(staff, input({ audience: 'organisations', organisationIds: [orgB] }), links)).toMatchObject({
      ok: false,
      error: 'announcements.errors.noRecipients',
    });
    await handle.db.update(users).set({ status: 'active' }).where(eq(users.email, 'paakayttaja@kyk.example'));
    expect(await count()).toBe(before);
  });
});
