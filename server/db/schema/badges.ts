import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { JWK } from 'jose';
import { language, users } from './access';
import { trainingModels } from './models';
import { organisations } from './organisations';
import { studyRegisterEntries } from './register';

/** A text in each of the product's languages (Finnish required, the others fall back to it). */
export interface LocalisedText {
  fi: string;
  sv: string;
  en: string;
}

/** The issuer's signing key pair, made on first start; the newest one signs, all stay published. */
export const badgeSigningKeys = pgTable('badge_signing_keys', {
  keyId: text('key_id').primaryKey(),
  publicJwk: jsonb('public_jwk').$type<JWK>().notNull(),
  privateJwk: jsonb('private_jwk').$type<JWK>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const badgeAwardedFor = pgEnum('badge_awarded_for', ['application', 'model']);

/**
 * A badge (Open Badges "achievement"): applied for and approved by staff, or issued with the study
 * register entries of one training model.
 */
export const badges = pgTable(
  'badges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    awardedFor: badgeAwardedFor('awarded_for').notNull(),
    modelId: uuid('model_id')
      .unique()
      .references(() => trainingModels.id),
    name: jsonb('name').$type<LocalisedText>().notNull(),
    description: jsonb('description').$type<LocalisedText>().notNull(),
    criteria: jsonb('criteria').$type<LocalisedText>().notNull(),
    /** The badge's PNG image, base64. */
    image: text('image').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('badges_model_given', sql`(${t.awardedFor} = 'model') = (${t.modelId} IS NOT NULL)`)],
);

export const badgeApplicationStatus = pgEnum('badge_application_status', ['pending', 'approved', 'rejected']);

/** An organisation's admin applying for a badge; staff approve (issuing it) or reject with a reason. */
export const badgeApplications = pgTable(
  'badge_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    badgeId: uuid('badge_id')
      .notNull()
      .references(() => badges.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    justification: text('justification').notNull(),
    status: badgeApplicationStatus('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('badge_applications_one_pending').on(t.badgeId, t.userId).where(sql`${t.status} = 'pending'`),
    index('badge_applications_status_idx').on(t.status, t.createdAt),
    index('badge_applications_user_idx').on(t.userId),
  ],
);

/**
 * An issued credential: the signed VC-JWT as given to the recipient, and its place in the
 * revocation status list. The public credential carries only a salted hash of the email.
 */
export const badgeCredentials = pgTable(
  'badge_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    badgeId: uuid('badge_id')
      .notNull()
      .references(() => badges.id),
    /** Lower-case. */
    recipientEmail: text('recipient_email').notNull(),
    recipientName: text('recipient_name').notNull(),
    language: language('language').notNull().default('fi'),
    /** The organisation it was applied for or completed in (null for one issued outside any). */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    applicationId: uuid('application_id')
      .unique()
      .references(() => badgeApplications.id),
    registerEntryId: uuid('register_entry_id')
      .unique()
      .references(() => studyRegisterEntries.id, { onDelete: 'set null' }),
    /** Its bit in the revocation lists (list = index ÷ list size), picked at random: see status-positions.ts. */
    statusListIndex: integer('status_list_index').notNull().unique(),
    jwt: text('jwt').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revocationReason: text('revocation_reason').notNull().default(''),
  },
  (t) => [
    index('badge_credentials_email_idx').on(t.recipientEmail),
    // One valid credential of an applied-for badge per person, however the approvals race.
    uniqueIndex('badge_credentials_one_valid_applied').on(t.badgeId, t.recipientEmail).where(sql`${t.revokedAt} IS NULL AND ${t.applicationId} IS NOT NULL`),
    index('badge_credentials_badge_idx').on(t.badgeId, t.issuedAt),
    check('badge_credentials_email_lower', sql`${t.recipientEmail} = lower(${t.recipientEmail})`),
  ],
);
