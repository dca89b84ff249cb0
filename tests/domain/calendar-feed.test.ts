import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../server/clock';
import { calendarFeed, createFeedToken, feedOwner, revokeFeedToken } from '../../server/calendar/feed';
import { createYearCalendar } from '../../server/calendar/year-calendar';
import type { DatabaseHandle } from '../../server/db/client';
import { roleAssignments, users } from '../../server/db/schema';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { actorByEmail } from '../support/demo';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
const links = { publicUrl: 'http://sivis.test' };
const as = async (email: string) => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, email) });

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  clock.set(new Date('2026-11-10T07:00:00Z'), { frozen: true });
});
afterAll(() => handle.close());

describe('the iCalendar feed', () => {
  it('parses with an independent parser into whole-day events of this year and next year’s created calendar', async () => {
    await createYearCalendar(await as('asiantuntija@sivis.example'), 2027, 'template');
    const text = await calendarFeed({ db: handle.db, clock }, 'fi', links);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    // 2026 follows the template (no calendar created), 2027 was created; 2025 has none.
    expect(events).toHaveLength(12);
    const proposals = events.filter((e) => e.summary === 'Ensi vuoden tuntihaku');
    expect(proposals.map((e) => [e.startDate.toString(), e.endDate.toString()])).toEqual([
      ['2026-10-01', '2026-11-01'],
      ['2027-10-01', '2027-11-01'],
    ]);
    expect(proposals.every((e) => e.startDate.isDate)).toBe(true);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(proposals[1]!.description).toBeNull();
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Sivisverkko – vuosikello');
  });

  it('is in the owner’s language', async () => {
    const text = await calendarFeed({ db: handle.db, clock }, 'sv', links);
    expect(text).toContain('SUMMARY:Timansökan för nästa år');
  });

  it('opens only with the current secret address of an active user who may still see the calendar', async () => {
    const admin = await as('paakayttaja@kll.example');
    const first = await createFeedToken(admin);
    expect((await feedOwner(handle.db, first))?.email).toBe('paakayttaja@kll.example');
    const second = await createFeedToken(admin);
    expect(await feedOwner(handle.db, first)).toBeNull();
    expect(await feedOwner(handle.db, second)).not.toBeNull();
    await handle.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, admin.actor.userId));
    expect(await feedOwner(handle.db, second)).toBeNull();
    await handle.db.update(users).set({ status: 'active' }).where(eq(users.id, admin.actor.userId));
    await revokeFeedToken(admin);
    expect(await feedOwner(handle.db, second)).toBeNull();

    const trainer = await as('kouluttaja1@kll.example');
    const token = await createFeedToken(trainer);
    await handle.db.delete(roleAssignments).where(eq(roleAssignments.userId, trainer.actor.userId));
    expect(await feedOwner(handle.db, token)).toBeNull();
  });
});
