import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    businessId: text('business_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the membership ends; the organisation stays readable. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('organisations_business_id_key').on(t.businessId), index('organisations_name_idx').on(t.name)],
);

export const unitKind = pgEnum('unit_kind', ['district', 'region', 'association']);

/**
 * A sub-organisation. `path` lists the ids from the topmost unit down to this one
 * ("/a/b/c/"), so a subtree is one indexed prefix match.
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    name: text('name').notNull(),
    kind: unitKind('kind').notNull(),
    path: text('path').notNull(),
    trainsWithCentre: boolean('trains_with_centre').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('units_organisation_idx').on(t.organisationId),
    index('units_parent_idx').on(t.parentId),
    index('units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    check('units_path_shape', sql`${t.path} ~ '^(/[0-9a-f-]{36})+/$'`),
  ],
);
