import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  primaryKey,
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
    streetAddress: text('street_address').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    website: text('website').notNull().default(''),
    /** Compact form (no spaces); checksum validated on input. */
    iban: text('iban').notNull().default(''),
    bic: text('bic').notNull().default(''),
    membershipStart: date('membership_start'),
    /** The organisation's own rules for using the centre's support, shown to its admins and trainers. */
    internalRules: text('internal_rules').notNull().default(''),
    /** The organisation's named contact person at the centre (a staff member). */
    centreContactUserId: uuid('centre_contact_user_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    updatedBy: uuid('updated_by'),
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
    /** Units are deactivated, never deleted, so that their trainings and hours keep their history. */
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('units_organisation_idx').on(t.organisationId),
    index('units_parent_idx').on(t.parentId),
    index('units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    check('units_path_shape', sql`${t.path} ~ '^(/[0-9a-f-]{36})+/$'`),
  ],
);

export const imageKind = pgEnum('image_kind', ['logo', 'signature']);

/**
 * The one logo and the one signature image of the centre (owner "centre") or of an organisation
 * (owner = its id). A new upload replaces the old one.
 */
export const images = pgTable(
  'images',
  {
    ownerKey: text('owner_key').notNull(),
    kind: imageKind('kind').notNull(),
    mimeType: text('mime_type').notNull(),
    content: text('content_base64').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    sha256: text('sha256').notNull(),
    signerName: text('signer_name').notNull().default(''),
    signerTitle: text('signer_title').notNull().default(''),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    uploadedBy: uuid('uploaded_by'),
  },
  (t) => [primaryKey({ columns: [t.ownerKey, t.kind] }), check('images_mime', sql`${t.mimeType} IN ('image/png', 'image/jpeg')`)],
);
