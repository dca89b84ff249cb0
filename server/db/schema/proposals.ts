import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './access';
import { organisations, units } from './organisations';

export const proposalStatus = pgEnum('proposal_status', ['draft', 'submitted', 'returned']);

/** An organisation's hour proposal (tuntiesitys) for a year, made in the autumn before it. */
export const hourProposals = pgTable(
  'hour_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: proposalStatus('status').notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    /** Why staff returned it for changes (kept until it is submitted again). */
    returnReason: text('return_reason').notNull().default(''),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('hour_proposals_year_organisation').on(t.year, t.organisationId)],
);

/** A line of a proposal: a unit (or the organisation itself), a theme, hours and why; possibly delegated. */
export const hourProposalLines = pgTable(
  'hour_proposal_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => hourProposals.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').references(() => units.id),
    theme: text('theme').notNull().default(''),
    hundredths: integer('hundredths').notNull().default(0),
    justification: text('justification').notNull().default(''),
    /** Delegated lines are filled in by the unit's coordinators, who mark them ready. */
    delegated: boolean('delegated').notNull().default(false),
    ready: boolean('ready').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [index('hour_proposal_lines_proposal_idx').on(t.proposalId), check('hour_proposal_lines_hours', sql`${t.hundredths} >= 0`)],
);

export const hourRequestKind = pgEnum('hour_request_kind', ['additional', 'return']);
export const hourRequestStatus = pgEnum('hour_request_status', ['pending', 'decided', 'done']);

/**
 * Additional-hour applications (decided by staff) and returns (done at once), in the calendar's
 * additional-hours windows: the history both sides see.
 */
export const hourRequests = pgTable(
  'hour_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: hourRequestKind('kind').notNull(),
    status: hourRequestStatus('status').notNull(),
    requestedHundredths: integer('requested_hundredths').notNull(),
    justification: text('justification').notNull().default(''),
    grantedHundredths: integer('granted_hundredths'),
    decisionReason: text('decision_reason').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
  },
  (t) => [
    index('hour_requests_organisation_idx').on(t.organisationId, t.year),
    index('hour_requests_pending_idx').on(t.status, t.createdAt),
    check('hour_requests_positive', sql`${t.requestedHundredths} > 0`),
  ],
);
