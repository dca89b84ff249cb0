import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, units } from './organisations';

/**
 * unverified: registered, email not yet confirmed; pending: confirmed, waiting for an admin;
 * invited: invited, no password yet; rejected: registration refused.
 */
export const userStatus = pgEnum('user_status', ['active', 'pending', 'deactivated', 'unverified', 'invited', 'rejected']);
export const language = pgEnum('language', ['fi', 'sv', 'en']);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Always stored lower-case; unique. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    language: language('language').notNull().default('fi'),
    status: userStatus('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    index('users_name_idx').on(t.name),
  ],
);

export const roleName = pgEnum('role_name', [
  'centre_admin',
  'centre_staff',
  'org_admin',
  'unit_coordinator',
  'trainer',
  'participant',
]);

/** A role held by a user, scoped to the centre (no org), an organisation, or a unit. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleName('role').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    unitId: uuid('unit_id').references(() => units.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('role_assignments_user_idx').on(t.userId),
    index('role_assignments_organisation_idx').on(t.organisationId),
    unique('role_assignments_unique').on(t.userId, t.role, t.organisationId, t.unitId).nullsNotDistinct(),
    check(
      'role_assignments_scope',
      sql`(${t.role} IN ('centre_admin','centre_staff') AND ${t.organisationId} IS NULL AND ${t.unitId} IS NULL)
        OR (${t.role} = 'org_admin' AND ${t.organisationId} IS NOT NULL AND ${t.unitId} IS NULL)
        OR (${t.role} IN ('unit_coordinator','trainer') AND ${t.organisationId} IS NOT NULL AND ${t.unitId} IS NOT NULL)
        OR (${t.role} = 'participant' AND ${t.unitId} IS NULL)`,
    ),
  ],
);

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const accountTokenKind = pgEnum('account_token_kind', ['email_verification', 'invitation', 'password_reset']);

/** Emailed one-time links. Only the SHA-256 of the token is stored; a link works once and expires. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    kind: accountTokenKind('kind').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('account_tokens_user_idx').on(t.userId, t.kind)],
);

/** Sign-in attempts, for throttling per account and per address. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
  },
  (t) => [index('sign_in_attempts_email_idx').on(t.email, t.at), index('sign_in_attempts_ip_idx').on(t.ip, t.at)],
);

/** Recent uses of a limited public action (e.g. registrations from one address); old ones are pruned as new ones come. */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_hits_key_idx').on(t.key, t.at)],
);

/** How a centre staff member appears on the contacts page (maintained by the centre admin). */
export const staffProfiles = pgTable('staff_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  title: text('title').notNull().default(''),
  responsibilities: text('responsibilities').notNull().default(''),
  phone: text('phone').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const adminApplicationStatus = pgEnum('admin_application_status', ['draft', 'signed', 'approved', 'rejected']);

/**
 * An application to become an organisation's main administrator. The PDF the applicant reviewed
 * is stored byte for byte; signing adds a signature record and a signed copy with a signature page.
 */
export const adminApplications = pgTable(
  'admin_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    justification: text('justification').notNull(),
    status: adminApplicationStatus('status').notNull().default('draft'),
    /** The exact bytes shown for review (base64) and their SHA-256. */
    reviewedPdf: text('reviewed_pdf').notNull(),
    reviewedSha256: text('reviewed_sha256').notNull(),
    signedPdf: text('signed_pdf'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
  },
  (t) => [index('admin_applications_status_idx').on(t.status, t.createdAt), index('admin_applications_user_idx').on(t.userId)],
);

export const signatureRecords = pgTable('signature_records', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => adminApplications.id),
  signerUserId: uuid('signer_user_id')
    .notNull()
    .references(() => users.id),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  ip: text('ip'),
  method: text('method').notNull(),
  sha256: text('sha256').notNull(),
});
