import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { trainingModes, trainingStatuses, trainingTypes } from '../../trainings/kinds';
import { users } from './access';
import { organisations, units } from './organisations';

export const trainingType = pgEnum('training_type', trainingTypes);
export const trainingMode = pgEnum('training_mode', trainingModes);
export const trainingStatus = pgEnum('training_status', trainingStatuses);

/** A training planned for a unit; submitting it reserves its teaching hours in the ledger. */
export const trainings = pgTable(
  'trainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The calendar year of its sessions (a training lies inside one year). */
    year: integer('year').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    type: trainingType('type').notNull(),
    mode: trainingMode('mode').notNull(),
    topicClass: text('topic_class').notNull().default(''),
    targetGroup: text('target_group').notNull().default(''),
    learningGoals: text('learning_goals').notNull().default(''),
    plannedParticipants: integer('planned_participants').notNull().default(0),
    responsibleName: text('responsible_name').notNull().default(''),
    priceCents: integer('price_cents').notNull().default(0),
    noOtherStateFunding: boolean('no_other_state_funding').notNull().default(false),
    notSoldToCompanies: boolean('not_sold_to_companies').notNull().default(false),
    noVocationalQualification: boolean('no_vocational_qualification').notNull().default(false),
    status: trainingStatus('status').notNull().default('draft'),
    /** All sessions' teaching minutes; the hours (÷ 45, rounded once) are derived from it. */
    teachingMinutes: integer('teaching_minutes').notNull().default(0),
    /** The first and last session dates (null without sessions): the statuses move by them. */
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    /** The plan this one was copied from, if any. */
    copiedFromId: uuid('copied_from_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    index('trainings_organisation_idx').on(t.organisationId, t.year, t.status),
    index('trainings_unit_idx').on(t.unitId, t.year),
    index('trainings_year_start_idx').on(t.year, t.startsOn),
    index('trainings_created_by_idx').on(t.createdBy),
    check('trainings_non_negative', sql`${t.plannedParticipants} >= 0 AND ${t.priceCents} >= 0 AND ${t.teachingMinutes} >= 0`),
  ],
);

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trainingId: uuid('training_id')
      .notNull()
      .references(() => trainings.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    /** "HH:MM", Europe/Helsinki. */
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    breakMinutes: integer('break_minutes').notNull().default(0),
    place: text('place').notNull().default(''),
    onlineLink: text('online_link').notNull().default(''),
  },
  (t) => [index('training_sessions_training_idx').on(t.trainingId, t.date), check('training_sessions_break', sql`${t.breakMinutes} >= 0`)],
);
