import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './access';
import { organisations } from './organisations';

/** The windows and deadlines the system enforces; an event without one is the centre's own note. */
export const calendarWindow = pgEnum('calendar_window', [
  'expenseReportDeadline',
  'additionalHours',
  'hourProposals',
  'grantDecisions',
  'nextYearTrainings',
]);

/** A year whose calendar centre staff have created; years without one follow the template. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  createdBy: uuid('created_by').references(() => users.id),
});

export const calendarEvents = pgTable(
  'calendar_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year')
      .notNull()
      .references(() => calendarYears.year, { onDelete: 'cascade' }),
    window: calendarWindow('window'),
    /** Europe/Helsinki calendar dates, both inclusive; a one-day event has them equal. */
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** Titles of the centre's own events; enforced windows take theirs from the translations. */
    titleFi: text('title_fi').notNull().default(''),
    titleSv: text('title_sv').notNull().default(''),
    titleEn: text('title_en').notNull().default(''),
    descriptionFi: text('description_fi').notNull().default(''),
    descriptionSv: text('description_sv').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('calendar_events_year_idx').on(t.year, t.startsOn), check('calendar_events_dates_check', sql`${t.startsOn} <= ${t.endsOn}`)],
);

/**
 * One row per reminder sent. The key names the window, its dates and the stage, so each goes out
 * once per recipient whatever runs the scheduler, and moving a window's dates reminds anew.
 */
export const calendarReminders = pgTable(
  'calendar_reminders',
  {
    reminderKey: text('reminder_key').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reminderKey, t.userId] })],
);

export const announcementAudience = pgEnum('announcement_audience', ['allAdmins', 'organisations']);

export const announcements = pgTable(
  'announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectFi: text('subject_fi').notNull(),
    subjectSv: text('subject_sv').notNull().default(''),
    subjectEn: text('subject_en').notNull().default(''),
    bodyFi: text('body_fi').notNull(),
    bodySv: text('body_sv').notNull().default(''),
    bodyEn: text('body_en').notNull().default(''),
    audience: announcementAudience('audience').notNull(),
    recipientCount: integer('recipient_count').notNull(),
    sentBy: uuid('sent_by')
      .notNull()
      .references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('announcements_sent_idx').on(t.sentAt)],
);

export const announcementOrganisations = pgTable(
  'announcement_organisations',
  {
    announcementId: uuid('announcement_id')
      .notNull()
      .references(() => announcements.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.organisationId] }), index('announcement_organisations_org_idx').on(t.organisationId)],
);

/** A user's secret iCalendar address; only its hash is kept, and revoking deletes it. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
