import { eq } from 'drizzle-orm';
import ical from 'ical-generator';
import { type Language, translateDynamic } from '../../app/i18n';
import { loadActor } from '../access/actor';
import { writeAudit } from '../access/audit';
import { can } from '../access/permissions';
import type { Actor } from '../access/roles';
import { hashToken, newLinkSecret } from '../access/tokens';
import type { ActorContext, DomainContext } from '../context';
import { calendarFeeds } from '../db/schema';
import type { Queryable } from '../db/types';
import { addDays, helsinkiDate, utcMidnight, yearOf } from './dates';
import { eventTitle } from './format';
import { yearCalendars } from './year-calendar';

export async function feedCreatedAt(db: Queryable, userId: string): Promise<Date | null> {
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row?.createdAt ?? null;
}

/** A new secret address for the actor's feed; an earlier address stops working. Shown once. */
export async function createFeedToken(ctx: ActorContext): Promise<string> {
  const { token, hash } = newLinkSecret();
  const row = { userId: ctx.actor.userId, tokenHash: hash, createdAt: ctx.clock.now() };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(calendarFeeds).values(row).onConflictDoUpdate({ target: calendarFeeds.userId, set: row });
    await writeAudit(tx, ctx.clock, { action: 'calendar.feedCreated', actorUserId: ctx.actor.userId, targetType: 'user', targetId: ctx.actor.userId });
  });
  return token;
}

export async function revokeFeedToken(ctx: ActorContext): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, ctx.actor.userId)).returning();
    if (deleted.length) {
      await writeAudit(tx, ctx.clock, { action: 'calendar.feedRevoked', actorUserId: ctx.actor.userId, targetType: 'user', targetId: ctx.actor.userId });
    }
  });
}

/** The feed's owner, while the address is valid and the owner is active and still may see the calendar. */
export async function feedOwner(db: Queryable, token: string): Promise<Actor | null> {
  const [row] = await db.select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.tokenHash, hashToken(token)));
  const actor = row ? await loadActor(db, row.userId) : null;
  return actor && can(actor, 'calendar.subscribe') ? actor : null;
}

/**
 * The iCalendar text: last, this and next year's created calendars, and this year's template while
 * it has none. Events are whole days; DTEND is the day after the last (RFC 5545).
 */
export async function calendarFeed(ctx: DomainContext, language: Language, links: { publicUrl: string }): Promise<string> {
  const year = yearOf(helsinkiDate(ctx.clock.now()));
  const calendars = await yearCalendars(ctx.db, [year - 1, year, year + 1]);
  const host = new URL(links.publicUrl).hostname;
  const feed = ical({
    name: translateDynamic(language, 'calendar.feedName'),
    prodId: { company: 'Sivisverkko', product: 'vuosikello', language: language.toUpperCase() },
    ttl: 6 * 3600,
  });
  for (const calendar of calendars.filter((c) => c.stored || c.year === year)) {
    for (const event of calendar.events) {
      const description = event.description[language] || event.description.fi;
      feed.createEvent({
        id: `${event.id ?? `template-${event.year}-${event.window}-${event.startsOn}`}@${host}`,
        allDay: true,
        start: utcMidnight(event.startsOn),
        end: utcMidnight(addDays(event.endsOn, 1)),
        stamp: ctx.clock.now(),
        summary: eventTitle(language, event),
        description: description || undefined,
        url: `${links.publicUrl}/calendar?year=${event.year}`,
      });
    }
  }
  return feed.toString();
}
