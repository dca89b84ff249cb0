import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { type Region, type TopicClass, genders, participantSources, participantStatuses, trainingModes, trainingStatuses, trainingTypes } from '../../trainings/kinds';
import { language, users } from './access';
import { trainingModelVersions } from './models';
import { organisations, units } from './organisations';

export const trainingType = pgEnum('training_type', trainingTypes);
export const attendanceMode = pgEnum('attendance_mode', ['list', 'counts']);
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
    topicClass: text('topic_class').$type<TopicClass | ''>().notNull().default(''),
    targetGroup: text('target_group').notNull().default(''),
    learningGoals: text('learning_goals').notNull().default(''),
    /** The approved model version the training implements (its goals and scope come from it); kept when the model changes. */
    modelVersionId: uuid('model_version_id').references(() => trainingModelVersions.id),
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
    /** Shown in the public training calendar (from submission on), with registration on its page. */
    isPublic: boolean('is_public').notNull().default(false),
    /** Places for registrations; null: no limit. Beyond it registrations go to the waiting list. */
    capacity: integer('capacity'),
    /** The last day to register; null: until the first session's day. */
    registrationEndsOn: date('registration_ends_on'),
    /** The region (maakunta) it is held in, for the public calendar's filter; '' for none (online). */
    region: text('region').$type<Region | ''>().notNull().default(''),
    /** Attendance as a ticked list of participants, or (large lectures) counts per age group. */
    attendanceMode: attendanceMode('attendance_mode').notNull().default('list'),
    /** When the participants were sent their feedback links (once, after the training ended). */
    feedbackRequestedAt: timestamp('feedback_requested_at', { withTimezone: true }),
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
    // The lists of every year by name page by this order; a search by name (ILIKE '%…%') by trigrams.
    index('trainings_name_idx').on(t.name, t.id),
    index('trainings_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('trainings_public_idx').on(t.startsOn).where(sql`${t.isPublic}`),
    // The public calendar shows what has not ended by a day.
    index('trainings_public_ends_idx').on(t.endsOn).where(sql`${t.isPublic}`),
    check('trainings_non_negative', sql`${t.plannedParticipants} >= 0 AND ${t.priceCents} >= 0 AND ${t.teachingMinutes} >= 0`),
    check('trainings_capacity', sql`${t.capacity} IS NULL OR ${t.capacity} > 0`),
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

export const participantStatus = pgEnum('participant_status', participantStatuses);
export const participantSource = pgEnum('participant_source', participantSources);
export const gender = pgEnum('gender', genders);

/**
 * A participant of a training: registered through the public calendar (with consent to the privacy
 * notice and a cancel link) or entered by the trainer. Cancelled rows stay for the history.
 */
export const trainingParticipants = pgTable(
  'training_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The order people came in (the waiting list's order), even within one clock tick. */
    arrival: integer('arrival').generatedAlwaysAsIdentity(),
    trainingId: uuid('training_id')
      .notNull()
      .references(() => trainings.id, { onDelete: 'cascade' }),
    /** The training's organisation, so that lists are scoped without a join. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** '' when the trainer entered someone without one. */
    email: text('email').notNull().default(''),
    birthYear: integer('birth_year').notNull(),
    municipality: text('municipality').notNull(),
    /** Null: not told. */
    gender: gender('gender'),
    firstTimeThisYear: boolean('first_time_this_year').notNull(),
    status: participantStatus('status').notNull(),
    source: participantSource('source').notNull(),
    /** When they consented to the privacy notice (registrations). */
    consentedAt: timestamp('consented_at', { withTimezone: true }),
    /** The language of their emails. */
    language: language('language').notNull().default('fi'),
    /** SHA-256 of the secret in their cancel link. */
    cancelTokenHash: text('cancel_token_hash').unique(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('training_participants_training_idx').on(t.trainingId, t.status, t.arrival),
    index('training_participants_organisation_idx').on(t.organisationId),
    // The participant portal finds a person's trainings by their address.
    // Not partial: ANALYZE keeps statistics of a whole expression index only, and without them a person's lookup is misjudged as thousands of rows.
    index('training_participants_email_lookup_idx').on(sql`lower(${t.email})`),
    // One place per email and training (cancelled ones may register again).
    uniqueIndex('training_participants_email_idx')
      .on(t.trainingId, sql`lower(${t.email})`)
      .where(sql`${t.email} <> '' AND ${t.status} <> 'cancelled'`),
    check('training_participants_birth_year', sql`${t.birthYear} BETWEEN 1900 AND 2100`),
  ],
);
