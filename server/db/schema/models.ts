import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ModelContent } from '../../models/content';
import { modelStatuses } from '../../models/workflow';
import { users } from './access';
import { organisations } from './organisations';

export const modelStatus = pgEnum('model_status', modelStatuses);
export const commentSide = pgEnum('model_comment_side', ['organisation', 'centre']);

/** A training model of an organisation; what it says lives in its versions. */
export const trainingModels = pgTable(
  'training_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('training_models_organisation_idx').on(t.organisationId)],
);

/**
 * One version of a model. Only the latest is worked on (while a draft or returned); an approved
 * version is frozen with its credits, and a change to it is the next version.
 */
export const trainingModelVersions = pgTable(
  'training_model_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    modelId: uuid('model_id')
      .notNull()
      .references(() => trainingModels.id),
    version: integer('version').notNull(),
    status: modelStatus('status').notNull().default('draft'),
    content: jsonb('content').$type<ModelContent>().notNull(),
    /** The calculator's figures of the content (credits null under 27 hours of work). */
    workloadThousandths: integer('workload_thousandths').notNull().default(0),
    creditTenths: integer('credit_tenths'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('training_model_versions_number').on(t.modelId, t.version),
    index('training_model_versions_status_idx').on(t.status, t.submittedAt),
    check('training_model_versions_figures', sql`${t.workloadThousandths} >= 0 AND (${t.status} <> 'approved' OR ${t.creditTenths} >= 10)`),
  ],
);

/** The review's thread: comments between staff and the organisation on a version. */
export const trainingModelComments = pgTable(
  'training_model_comments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => trainingModelVersions.id),
    side: commentSide('side').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id),
    body: text('body').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('training_model_comments_version_idx').on(t.versionId, t.id)],
);
