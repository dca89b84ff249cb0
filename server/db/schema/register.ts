import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { language, users } from './access';
import { trainingModelVersions } from './models';
import { organisations } from './organisations';
import { trainingParticipants, trainings } from './trainings';

export const resultOutcome = pgEnum('result_outcome', ['passed', 'failed']);

/**
 * A participant's result in a training based on a model: passed, or failed with a justification.
 * The trainer marks it once; the organisation's admin may correct it within 30 days of marking.
 */
export const trainingResults = pgTable(
  'training_results',
  {
    participantId: uuid('participant_id')
      .primaryKey()
      .references(() => trainingParticipants.id, { onDelete: 'cascade' }),
    trainingId: uuid('training_id')
      .notNull()
      .references(() => trainings.id, { onDelete: 'cascade' }),
    outcome: resultOutcome('outcome').notNull(),
    justification: text('justification').notNull().default(''),
    markedBy: uuid('marked_by').references(() => users.id),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull(),
    correctedBy: uuid('corrected_by').references(() => users.id),
    correctedAt: timestamp('corrected_at', { withTimezone: true }),
  },
  (t) => [
    index('training_results_training_idx').on(t.trainingId),
    check('training_results_failed_justified', sql`${t.outcome} = 'passed' OR length(btrim(${t.justification})) > 0`),
  ],
);

/**
 * The study register (opintorekisteri): a passed, consenting participant's completion. It keeps its
 * own copy of what the certificate prints, so it outlives the participant row (anonymised or
 * removed with old trainings) and the certificate stays verifiable by its code.
 */
export const studyRegisterEntries = pgTable(
  'study_register_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .unique()
      .references(() => trainingParticipants.id, { onDelete: 'set null' }),
    trainingId: uuid('training_id')
      .notNull()
      .references(() => trainings.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    modelVersionId: uuid('model_version_id')
      .notNull()
      .references(() => trainingModelVersions.id),
    personName: text('person_name').notNull(),
    /** Lower-case: the participant portal finds a person's entries by it. */
    personEmail: text('person_email').notNull(),
    organisationName: text('organisation_name').notNull(),
    modelName: text('model_name').notNull(),
    creditTenths: integer('credit_tenths').notNull(),
    outcomes: jsonb('outcomes').$type<string[]>().notNull(),
    firstDay: date('first_day').notNull(),
    completedOn: date('completed_on').notNull(),
    place: text('place').notNull().default(''),
    /** 16 characters of Crockford base32 (75 random bits and a check character), without dashes. */
    verificationCode: text('verification_code').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('study_register_entries_email_idx').on(t.personEmail),
    index('study_register_entries_training_idx').on(t.trainingId),
    index('study_register_entries_organisation_idx').on(t.organisationId, t.completedOn),
    check('study_register_entries_email_lower', sql`${t.personEmail} = lower(${t.personEmail})`),
    check('study_register_entries_credits', sql`${t.creditTenths} > 0`),
  ],
);

/**
 * Codes of entries taken back (a result corrected to failed): the entry itself is removed, since a
 * failed result is never kept in the register, but its certificate's code answers "withdrawn".
 */
export const withdrawnCertificates = pgTable('withdrawn_certificates', {
  verificationCode: text('verification_code').primaryKey(),
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }).notNull(),
});

/**
 * Consent to the study register, per participation: given when registering or by an emailed link.
 * The link's secret is stored as its hash; consent withdrawn in the portal clears what is not yet entered.
 */
export const registerConsents = pgTable(
  'register_consents',
  {
    participantId: uuid('participant_id')
      .primaryKey()
      .references(() => trainingParticipants.id, { onDelete: 'cascade' }),
    consentedAt: timestamp('consented_at', { withTimezone: true }),
    requestTokenHash: text('request_token_hash').unique(),
    requestedAt: timestamp('requested_at', { withTimezone: true }),
  },
);

/** A participant of the portal, known by email: their language and whether they withdrew consent. */
export const participantProfiles = pgTable(
  'participant_profiles',
  {
    email: text('email').primaryKey(),
    language: language('language').notNull().default('fi'),
    consentWithdrawnAt: timestamp('consent_withdrawn_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('participant_profiles_email_lower', sql`${t.email} = lower(${t.email})`)],
);

/** One-time sign-in links of the participant portal (no passwords); only the secret's hash is stored. */
export const portalLinks = pgTable(
  'portal_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('portal_links_email_idx').on(t.email)],
);

/** A browser signed in to the portal: it sees the data of one email address and nothing else. */
export const portalSessions = pgTable(
  'portal_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('portal_sessions_email_idx').on(t.email)],
);
