import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { trainingParticipants, trainings } from './trainings';

/**
 * Who was present at a session. A session is named by its date and start time (sessions are
 * rewritten when a plan is edited, so their ids do not last); only presence is stored.
 */
export const sessionAttendance = pgTable(
  'session_attendance',
  {
    trainingId: uuid('training_id')
      .notNull()
      .references(() => trainings.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => trainingParticipants.id, { onDelete: 'cascade' }),
    sessionDate: date('session_date').notNull(),
    /** "HH:MM". */
    sessionStart: text('session_start').notNull(),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.sessionDate, t.sessionStart] }), index('session_attendance_training_idx').on(t.trainingId, t.sessionDate)],
);

/** A large lecture's attendance as counts per age group instead of names. */
export const sessionAttendanceCounts = pgTable(
  'session_attendance_counts',
  {
    trainingId: uuid('training_id')
      .notNull()
      .references(() => trainings.id, { onDelete: 'cascade' }),
    sessionDate: date('session_date').notNull(),
    sessionStart: text('session_start').notNull(),
    /** Aged at least the support rules' minimum age (15) in the training's year, and younger. */
    adults: integer('adults').notNull(),
    minors: integer('minors').notNull(),
  },
  (t) => [primaryKey({ columns: [t.trainingId, t.sessionDate, t.sessionStart] }), check('session_attendance_counts_non_negative', sql`${t.adults} >= 0 AND ${t.minors} >= 0`)],
);

/**
 * A participant's one-time feedback link. It names the training only — never the participant —
 * and only says whether it was used, never when, so an answer cannot be traced back to a person.
 */
export const feedbackLinks = pgTable(
  'feedback_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trainingId: uuid('training_id')
      .notNull()
      .references(() => trainings.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    used: boolean('used').notNull().default(false),
  },
  (t) => [index('feedback_links_training_idx').on(t.trainingId)],
);

/** An anonymous answer: no link, person or time, only the training and the answer's day. */
export const feedbackAnswers = pgTable(
  'feedback_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trainingId: uuid('training_id')
      .notNull()
      .references(() => trainings.id, { onDelete: 'cascade' }),
    grade: smallint('grade').notNull(),
    good: text('good').notNull().default(''),
    improve: text('improve').notNull().default(''),
    answeredOn: date('answered_on').notNull(),
  },
  (t) => [index('feedback_answers_training_idx').on(t.trainingId), check('feedback_answers_grade', sql`${t.grade} BETWEEN 1 AND 5`)],
);
