import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { StrategyContent } from '../../strategy/content';
import { users } from './access';
import { organisations } from './organisations';

/**
 * An organisation's training strategy (koulutusstrategia) for a period of years: the draft being
 * written lives here; publishing copies it into a numbered version, which never changes.
 */
export const trainingStrategies = pgTable(
  'training_strategies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    firstYear: integer('first_year').notNull(),
    lastYear: integer('last_year').notNull(),
    draft: jsonb('draft').$type<StrategyContent>().notNull(),
    draftSavedAt: timestamp('draft_saved_at', { withTimezone: true }).notNull(),
    draftSavedBy: uuid('draft_saved_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('training_strategies_period').on(t.organisationId, t.firstYear, t.lastYear),
    check('training_strategies_years', sql`${t.firstYear} BETWEEN 2000 AND 2100 AND ${t.lastYear} BETWEEN ${t.firstYear} AND ${t.firstYear} + 9`),
  ],
);

/** A published version of a strategy, as it read when published. */
export const trainingStrategyVersions = pgTable(
  'training_strategy_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => trainingStrategies.id),
    version: integer('version').notNull(),
    content: jsonb('content').$type<StrategyContent>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
  },
  (t) => [uniqueIndex('training_strategy_versions_number').on(t.strategyId, t.version)],
);

/** The organisation's centre contact's comments on a published version. */
export const trainingStrategyComments = pgTable(
  'training_strategy_comments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => trainingStrategyVersions.id),
    authorUserId: uuid('author_user_id').references(() => users.id),
    body: text('body').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('training_strategy_comments_version_idx').on(t.versionId, t.id)],
);
