import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** The one study centre of an installation (row id is always 1). */
export const centreSettings = pgTable(
  'centre_settings',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull(),
    businessId: text('business_id').notNull(),
    address: text('address').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('centre_settings_single_row', sql`${t.id} = 1`)],
);
