import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './access';
import { organisations, units } from './organisations';

/**
 * Where teaching hours sit in a year: the outside source of the centre's budget, the centre's
 * budget, an organisation's pool, a unit's allocation, an organisation's peer-group quota, and per
 * training and source the hours reserved and used. Balances are never stored: they are the sums of
 * the transfers in and out.
 */
export const hourAccountKind = pgEnum('hour_account_kind', ['source', 'centre', 'pool', 'unit', 'peerQuota', 'reserved', 'used']);

export const hourAccounts = pgTable(
  'hour_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    kind: hourAccountKind('kind').notNull(),
    /** What identifies the account within its kind and year ("pool:<organisation>", …): unique. */
    key: text('key').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    unitId: uuid('unit_id').references(() => units.id),
    /** For reserved and used hours: the training, and the account its hours were drawn from. */
    trainingId: uuid('training_id'),
    drawnFromId: uuid('drawn_from_id'),
  },
  (t) => [
    uniqueIndex('hour_accounts_key').on(t.year, t.key),
    index('hour_accounts_organisation_idx').on(t.organisationId, t.year),
    index('hour_accounts_training_idx').on(t.trainingId),
  ],
);

export const hourTransferKind = pgEnum('hour_transfer_kind', [
  'budget',
  'budgetReduction',
  'grant',
  'additionalGrant',
  'return',
  'quota',
  'quotaReduction',
  'allocation',
  'allocationBack',
  'reservation',
  'release',
  'realisation',
]);

/** The append-only ledger: every movement of hours, never changed or deleted. */
export const hourTransfers = pgTable(
  'hour_transfers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    year: integer('year').notNull(),
    kind: hourTransferKind('kind').notNull(),
    fromAccountId: uuid('from_account_id')
      .notNull()
      .references(() => hourAccounts.id),
    toAccountId: uuid('to_account_id')
      .notNull()
      .references(() => hourAccounts.id),
    /** Hundredths of an hour, always positive: the direction is from → to. */
    hundredths: integer('hundredths').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull().default(''),
  },
  (t) => [
    index('hour_transfers_from_idx').on(t.fromAccountId),
    index('hour_transfers_to_idx').on(t.toAccountId),
    index('hour_transfers_year_idx').on(t.year, t.at),
    check('hour_transfers_positive', sql`${t.hundredths} > 0`),
    check('hour_transfers_two_accounts', sql`${t.fromAccountId} <> ${t.toAccountId}`),
  ],
);

export const hourDecisionStatus = pgEnum('hour_decision_status', ['draft', 'published']);

/** The centre's decision on an organisation's teaching hours for a year; published ones are final. */
export const hourDecisions = pgTable(
  'hour_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    grantedHundredths: integer('granted_hundredths').notNull(),
    decisionText: text('decision_text').notNull().default(''),
    status: hourDecisionStatus('status').notNull().default('draft'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    /** Recorded at publication, so that the printed decision stays as it was sent. */
    organisationName: text('organisation_name'),
    businessId: text('business_id'),
    publisherName: text('publisher_name'),
  },
  (t) => [
    uniqueIndex('hour_decisions_year_organisation').on(t.year, t.organisationId),
    check('hour_decisions_granted_non_negative', sql`${t.grantedHundredths} >= 0`),
  ],
);
