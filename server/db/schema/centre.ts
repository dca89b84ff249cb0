import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** The one study centre of an installation (row id is always 1). */
export const centreSettings = pgTable(
  'centre_settings',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull(),
    businessId: text('business_id').notNull(),
    address: text('address').notNull().default(''),
    /** The payer of support: compact IBAN and BIC. */
    iban: text('iban').notNull().default(''),
    bic: text('bic').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [check('centre_settings_single_row', sql`${t.id} = 1`)],
);

/**
 * The support rules of one year, set by the centre. Money in cents, hours in hundredths, the
 * cost cap in basis points (55 % = 5500).
 */
export const supportRules = pgTable(
  'support_rules',
  {
    year: integer('year').primaryKey(),
    hourlyRateCents: integer('hourly_rate_cents').notNull(),
    costCapBasisPoints: integer('cost_cap_basis_points').notNull(),
    peerGroupRateCents: integer('peer_group_rate_cents').notNull(),
    minTeachingHundredths: integer('min_teaching_hundredths').notNull(),
    minParticipants: integer('min_participants').notNull(),
    minParticipantAge: integer('min_participant_age').notNull(),
    peerMinMembers: integer('peer_min_members').notNull(),
    peerMinHundredths: integer('peer_min_hundredths').notNull(),
    /** Words that make a training's name ineligible, matched inside words ("syyskokous"). */
    forbiddenWords: text('forbidden_words')
      .array()
      .notNull()
      .default(sql`'{kokous,retki,leiri}'::text[]`),
    /** The share of the year's expense reports picked for audit (10 % = 1000). */
    auditShareBasisPoints: integer('audit_share_basis_points').notNull().default(1000),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    check('support_rules_year', sql`${t.year} BETWEEN 2000 AND 2100`),
    check('support_rules_positive', sql`${t.hourlyRateCents} >= 0 AND ${t.peerGroupRateCents} >= 0 AND ${t.costCapBasisPoints} BETWEEN 0 AND 10000`),
    check('support_rules_audit_share', sql`${t.auditShareBasisPoints} BETWEEN 0 AND 10000`),
  ],
);
