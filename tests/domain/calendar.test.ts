import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleHolders } from '../../server/access/approvers';
import { AdjustableClock } from '../../server/clock';
import { helsinkiDate } from '../../server/calendar/dates';
import { deleteCalendarEvent, saveCalendarEvent } from '../../server/calendar/events';
import { dueReminders, sendDueReminders } from '../../server/calendar/reminders';
import { expenseReportDeadline, isWindowOpen, windowStatus } from '../../server/calendar/windows';
import { createYearCalendar, yearCalendar } from '../../server/calendar/year-calendar';
import type { DatabaseHandle } from '../../server/db/client';
import { auditLog, calendarReminders, emailOutbox, organisations, users } from '../../server/db/schema';
import { seedDemoData } from '../../server/seed/demo';
import { requireOpenWindow, windowClosedFormError } from '../../app/http/window.server';
import { translateDynamic } from '../../app/i18n';
import { openTestDatabase } from '../support/database';
import { actorByEmail, demoOrgB } from '../support/demo';
import { emailsTo } from '../support/outbox';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
const links = { publicUrl: 'http://sivis.test' };
const at = (iso: string) => clock.set(new Date(iso), { frozen: true });
const ctx = () => ({ db: handle.db, clock });
const staff = async () => ({ ...ctx(), actor: await actorByEmail(handle.db, 'asiantuntija@sivis.example') });
const eventOf = async (year: number, window: string, nth = 0) => (await yearCalendar(handle.db, year)).events.filter((e) => e.window === window)[nth]!;
const edit = (overrides: Partial<Parameters<typeof saveCalendarEvent>[3]>) => ({
  startsOn: '',
  endsOn: '',
  titleFi: '',
  titleSv: '',
  titleEn: '',
  descriptionFi: '',
  descriptionSv: '',
  descriptionEn: '',
  ...overrides,
});

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
});
afterAll(() => handle.close());

describe('Helsinki dates', () => {
  it('follow Finnish time on both sides of the summer-time changes', () => {
    expect(helsinkiDate(new Date('2026-03-28T21:59:59Z'))).toBe('2026-03-28'); // 23:59:59 EET
    expect(helsinkiDate(new Date('2026-03-28T22:00:00Z'))).toBe('2026-03-29'); // 00:00 EET, DST starts at 03:00
    expect(helsinkiDate(new Date('2026-10-24T20:59:59Z'))).toBe('2026-10-24'); // 23:59:59 EEST
    expect(helsinkiDate(new Date('2026-10-24T21:00:00Z'))).toBe('2026-10-25'); // 00:00 EEST, DST ends at 04:00
  });
});

describe('windows', () => {
  it('follow the template while the year has no calendar, from 00:00 of the first to 23:59 of the last day', async () => {
    // 1–31 Oct spans the end of summer time (25 Oct 2026): the window opens at UTC+3 and closes at UTC+2.
    at('2026-09-30T20:59:59Z');
    expect(await isWindowOpen(ctx(), 'hourProposals')).toBe(false);
    at('2026-09-30T21:00:00Z');
    expect(await isWindowOpen(ctx(), 'hourProposals')).toBe(true);
    at('2026-10-31T21:59:59Z');
    expect(await isWindowOpen(ctx(), 'hourProposals')).toBe(true);
    at('2026-10-31T22:00:00Z');
    expect(await isWindowOpen(ctx(), 'hourProposals')).toBe(false);
  });

  it('have two periods for additional hours, and an opening day stays open to the end of the year', async () => {
    at('2026-08-14T06:00:00Z');
    const status = await windowStatus(ctx(), 'additionalHours');
    expect(status).toMatchObject({ open: true, year: 2026 });
    expect(status.periods).toEqual([
      { startsOn: '2026-03-13', endsOn: '2026-03-25' },
      { startsOn: '2026-08-14', endsOn: '2026-08-25' },
    ]);
    at('2026-11-30T21:59:59Z');
    expect(await isWindowOpen(ctx(), 'nextYearTrainings')).toBe(false);
    at('2026-11-30T22:00:00Z');
    expect(await isWindowOpen(ctx(), 'nextYearTrainings')).toBe(true);
    at('2026-12-31T21:59:59Z');
    expect(await isWindowOpen(ctx(), 'nextYearTrainings')).toBe(true);
  });

  it('follow the dates staff set, also when a window ends on the day summer time starts', async () => {
    at('2026-12-01T08:00:00Z');
    expect(await createYearCalendar(await staff(), 2027, 'template')).toEqual({ ok: true });
    const spring = await eventOf(2027, 'additionalHours');
    expect(await saveCalendarEvent(await staff(), 2027, spring.id, edit({ startsOn: '2027-03-20', endsOn: '2027-03-28' }))).toMatchObject({ ok: true });
    // 28 Mar 2027: clocks go forward at 03:00, so the last day ends at 20:59:59 UTC.
    at('2027-03-19T21:59:59Z');
    expect(await isWindowOpen(ctx(), 'additionalHours')).toBe(false);
    at('2027-03-19T22:00:00Z');
    expect(await isWindowOpen(ctx(), 'additionalHours')).toBe(true);
    at('2027-03-28T20:59:59Z');
    expect(await isWindowOpen(ctx(), 'additionalHours')).toBe(true);
    at('2027-03-28T21:00:00Z');
    expect(await isWindowOpen(ctx(), 'additionalHours')).toBe(false);
  });

  it('refuse a windowed action outside the window with a message naming the window and its dates', async () => {
    at('2027-05-02T09:00:00Z');
    const refusal = await requireOpenWindow(ctx(), 'fi', 'additionalHours').catch((error: unknown) => error);
    expect(refusal).toMatchObject({ init: { status: 409 } });
    const message = (refusal as { data: { windowClosed: string } }).data.windowClosed;
    expect(message).toContain('Aikaikkuna ”Lisätuntien haku ja tuntien palautus” ei ole nyt auki');
    expect(message).toContain('20.3.2027–28.3.2027');
    expect(message).toContain('14.8.2027–25.8.2027');
    // A form gets the refusal next to what the user typed, so nothing is lost.
    const formRefusal = await windowClosedFormError(ctx(), 'sv', 'additionalHours', { hours: '120' });
    expect(formRefusal).toMatchObject({ init: { status: 409 }, data: { values: { hours: '120' } } });
    const error = (formRefusal as unknown as { data: { errors: { _form: { key: string; params: Record<string, string> } } } }).data.errors._form;
    expect(translateDynamic('sv', error.key, error.params)).toContain('Tidsfönstret ”Ansökan om tilläggstimmar och återlämnande av timmar” är inte öppet nu');
    at('2027-08-20T09:00:00Z');
    await expect(requireOpenWindow(ctx(), 'sv', 'additionalHours')).resolves.toMatchObject({ open: true });
    expect(await windowClosedFormError(ctx(), 'sv', 'additionalHours', {})).toBeNull();
  });

  it('read a year’s January expense-report deadline from the next year, or the template while it has none', async () => {
    expect(await expenseReportDeadline(handle.db, 2027)).toBe('2028-01-18');
    const deadline = await eventOf(2027, 'expenseReportDeadline');
    await saveCalendarEvent(await staff(), 2027, deadline.id, edit({ startsOn: '2027-01-20', endsOn: '2027-03-01' }));
    // A deadline is one day, whatever end is sent.
    expect(await eventOf(2027, 'expenseReportDeadline')).toMatchObject({ startsOn: '2027-01-20', endsOn: '2027-01-20' });
    expect(await expenseReportDeadline(handle.db, 2026)).toBe('2027-01-20');
  });
});

describe('editing the calendar', () => {
  it('creates a year once, from the template or from the previous year moved on, and audits it', async () => {
    const ctx = await staff();
    expect(await createYearCalendar(ctx, 2027, 'template')).toEqual({ ok: false, error: 'calendar.errors.exists' });
    expect(await createYearCalendar(ctx, 2030, 'previousYear')).toEqual({ ok: false, error: 'calendar.errors.noPreviousYear' });
    expect((await yearCalendar(handle.db, 2030)).stored).toBe(false);
    const added = await saveCalendarEvent(ctx, 2027, null, edit({ startsOn: '2027-05-04', titleFi: 'Kevätseminaari', titleSv: 'Vårseminarium' }));
    expect(added).toMatchObject({ ok: true });
    expect(await createYearCalendar(ctx, 2028, 'previousYear')).toEqual({ ok: true });
    const next = await yearCalendar(handle.db, 2028);
    expect(next.events.map((e) => [e.window, e.startsOn, e.endsOn])).toEqual([
      ['expenseReportDeadline', '2028-01-20', '2028-01-20'],
      ['additionalHours', '2028-03-20', '2028-03-28'],
      [null, '2028-05-04', '2028-05-04'],
      ['additionalHours', '2028-08-14', '2028-08-25'],
      ['hourProposals', '2028-10-01', '2028-10-31'],
      ['grantDecisions', '2028-11-01', '2028-11-30'],
      ['nextYearTrainings', '2028-12-01', '2028-12-01'],
    ]);
    expect(next.events[2]!.title).toEqual({ fi: 'Kevätseminaari', sv: 'Vårseminarium', en: '' });
    // 29 February becomes the 28th in a common year.
    await saveCalendarEvent(ctx, 2028, null, edit({ startsOn: '2028-02-29', titleFi: 'Karkauspäivä' }));
    await createYearCalendar(ctx, 2029, 'previousYear');
    expect((await yearCalendar(handle.db, 2029)).events.find((e) => e.title.fi === 'Karkauspäivä')?.startsOn).toBe('2029-02-28');
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.created'));
    expect(audits.map((a) => a.targetId).sort()).toEqual(['2027', '2028', '2029']);
  });

  it('refuses dates outside the year, an own event without a title, and removing an enforced window', async () => {
    const ctx = await staff();
    const proposals = await eventOf(2027, 'hourProposals');
    expect(await saveCalendarEvent(ctx, 2027, proposals.id, edit({ startsOn: '2027-10-01', endsOn: '2028-01-10' }))).toEqual({
      ok: false,
      error: 'calendar.errors.outsideYear',
      field: 'endsOn',
    });
    expect(await saveCalendarEvent(ctx, 2027, proposals.id, edit({ startsOn: '2027-10-01' }))).toEqual({ ok: false, error: 'forms.required', field: 'endsOn' });
    expect(await saveCalendarEvent(ctx, 2027, null, edit({ startsOn: '2027-06-01' }))).toEqual({ ok: false, error: 'calendar.errors.titleRequired', field: 'titleFi' });
    expect(await saveCalendarEvent(ctx, 2031, null, edit({ startsOn: '2031-06-01', titleFi: 'x' }))).toEqual({ ok: false, error: 'notFound' });
    expect(await deleteCalendarEvent(ctx, 2027, proposals.id!)).toEqual({ ok: false, error: 'calendar.errors.windowCannotBeDeleted' });
    expect((await eventOf(2027, 'hourProposals')).endsOn).toBe('2027-10-31');
    const own = (await yearCalendar(handle.db, 2027)).events.find((e) => e.title.fi === 'Kevätseminaari')!;
    expect(await deleteCalendarEvent(ctx, 2027, own.id!)).toEqual({ ok: true });
    expect((await yearCalendar(handle.db, 2027)).events.some((e) => e.title.fi === 'Kevätseminaari')).toBe(false);
  });
});

describe('reminders', () => {
  const event = { id: 'e', year: 2026, title: { fi: '', sv: '', en: '' }, description: { fi: '', sv: '', en: '' } };
  const proposals = { ...event, window: 'hourProposals' as const, startsOn: '2026-10-01', endsOn: '2026-10-31' };
  const deadline = { ...event, window: 'expenseReportDeadline' as const, startsOn: '2026-01-18', endsOn: '2026-01-18' };
  const stagesOn = (events: Parameters<typeof dueReminders>[0], day: string) => dueReminders(events, day).map((r) => r.stage);

  it('fall on the opening day, 7 days and 1 day before closing, and before the expense deadline', () => {
    expect(stagesOn([proposals], '2026-09-30')).toEqual([]);
    expect(stagesOn([proposals], '2026-10-01')).toEqual(['opens']);
    expect(stagesOn([proposals], '2026-10-24')).toEqual(['closes7']);
    expect(stagesOn([proposals], '2026-10-30')).toEqual(['closes1']);
    expect(stagesOn([proposals], '2026-11-01')).toEqual([]);
    expect(stagesOn([deadline], '2026-01-11')).toEqual(['closes7']);
    expect(stagesOn([deadline], '2026-01-17')).toEqual(['closes1']);
    expect(stagesOn([deadline], '2026-01-19')).toEqual([]);
    // A scheduler that was down catches up with the stage that is current, not stale ones.
    expect(stagesOn([proposals], '2026-10-27')).toEqual(['closes7']);
    expect(stagesOn([proposals], '2026-10-31')).toEqual(['closes1']);
  });

  it('always announce a short window’s opening, and leave out warnings due on or before it', () => {
    const eightDays = { ...proposals, startsOn: '2026-03-13', endsOn: '2026-03-20' };
    expect(stagesOn([eightDays], '2026-03-13')).toEqual(['opens']);
    expect(stagesOn([eightDays], '2026-03-18')).toEqual(['opens']);
    expect(stagesOn([eightDays], '2026-03-19')).toEqual(['closes1']);
    const twoDays = { ...proposals, startsOn: '2026-03-13', endsOn: '2026-03-14' };
    expect(stagesOn([twoDays], '2026-03-13')).toEqual(['opens']);
    expect(stagesOn([twoDays], '2026-03-14')).toEqual(['opens']);
    // An opening stays announceable until its year ends, in case the scheduler missed its day.
    const trainings = { ...event, window: 'nextYearTrainings' as const, startsOn: '2026-12-01', endsOn: '2026-12-01' };
    expect(stagesOn([trainings], '2026-12-03')).toEqual(['opens']);
  });

  it('are keyed on the date they are about, so correcting the other date sends nothing again', () => {
    const [opens] = dueReminders([proposals], '2026-10-01');
    const [opensAfterFix] = dueReminders([{ ...proposals, endsOn: '2026-10-30' }], '2026-10-01');
    expect(opensAfterFix!.key).toBe(opens!.key);
    const [warning] = dueReminders([proposals], '2026-10-24');
    const [warningAfterFix] = dueReminders([{ ...proposals, startsOn: '2026-10-02' }], '2026-10-24');
    expect(warningAfterFix!.key).toBe(warning!.key);
  });

  it('go to every active admin once, in their language, also when two schedulers run at once', async () => {
    const kykAdmin = 'paakayttaja@kyk.example';
    await handle.db.update(users).set({ language: 'sv' }).where(eq(users.email, kykAdmin));
    const admins = await roleHolders(handle.db, { roles: ['org_admin'], activeOnly: true });
    at('2027-10-01T05:00:00Z');
    const [first, second] = await Promise.all([sendDueReminders(ctx(), links), sendDueReminders(ctx(), links)]);
    const adminCount = first + second;
    expect(adminCount).toBe(admins.length);
    expect(admins.length).toBeGreaterThanOrEqual(3);
    expect(await sendDueReminders(ctx(), links)).toBe(0);
    const kll = await emailsTo(handle.db, 'paakayttaja@kll.example');
    expect(kll.filter((e) => e.subject === 'Ensi vuoden tuntihaku alkaa')).toHaveLength(1);
    expect(kll[0]!.bodyText).toContain('1.10.2027–31.10.2027');
    expect(kll[0]!.bodyText).toContain('http://sivis.test/calendar');
    const kyk = await emailsTo(handle.db, kykAdmin);
    expect(kyk.filter((e) => e.subject === 'Timansökan för nästa år börjar')).toHaveLength(1);
    const rows = await handle.db.select().from(calendarReminders).where(eq(calendarReminders.reminderKey, 'hourProposals:2027-10-01:opens'));
    expect(rows).toHaveLength(adminCount);
    const outbox = await handle.db.select().from(emailOutbox);
    expect(outbox.filter((e) => /tuntihaku alkaa|Timansökan för nästa år börjar|Hour proposals for next year begins/.test(e.subject))).toHaveLength(adminCount);
  });

  it('skip admins of organisations whose membership has ended', async () => {
    await handle.db.update(organisations).set({ endedAt: new Date('2027-10-02T00:00:00Z') }).where(eq(organisations.name, demoOrgB));
    at('2027-10-24T05:00:00Z');
    await sendDueReminders(ctx(), links);
    const sevenDays = (await emailsTo(handle.db, 'paakayttaja@kll.example')).filter((e) => e.subject === 'Ensi vuoden tuntihaku päättyy 31.10.2027');
    expect(sevenDays).toHaveLength(1);
    expect(sevenDays[0]!.bodyText).toContain('31.10.2027');
    expect((await emailsTo(handle.db, 'paakayttaja@kyk.example')).filter((e) => e.subject.includes('slutar'))).toHaveLength(0);
    await handle.db.update(organisations).set({ endedAt: null }).where(eq(organisations.name, demoOrgB));
  });

  it('warn in December about an early-January deadline of next year’s calendar', async () => {
    at('2027-12-01T08:00:00Z');
    expect((await yearCalendar(handle.db, 2028)).stored).toBe(true);
    const deadline = await eventOf(2028, 'expenseReportDeadline');
    await saveCalendarEvent(await staff(), 2028, deadline.id, edit({ startsOn: '2028-01-03' }));
    at('2027-12-27T08:00:00Z');
    await sendDueReminders(ctx(), links);
    const warnings = (await emailsTo(handle.db, 'paakayttaja@kll.example')).filter((e) => e.subject.startsWith('Edellisen vuoden koulutusten kuluselvitysten määräaika päättyy'));
    expect(warnings.map((w) => w.subject)).toEqual(['Edellisen vuoden koulutusten kuluselvitysten määräaika päättyy 3.1.2028']);
  });
});
