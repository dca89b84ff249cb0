/**
 * A training model's versions move through review (product spec section 7): the organisation
 * writes a draft and submits it; centre staff take it under review, then return it for changes
 * (with comments), approve it (its credits fixed, the version frozen) or reject it. A change to an
 * approved model is a new version that needs approval again; trainings keep the version they used.
 */
export const modelStatuses = ['draft', 'submitted', 'inReview', 'returned', 'approved', 'rejected'] as const;
export type ModelStatus = (typeof modelStatuses)[number];

export const modelSteps = ['save', 'submit', 'startReview', 'return', 'approve', 'reject', 'comment', 'newVersion'] as const;
export type ModelStep = (typeof modelSteps)[number];

/** Which side takes a step: the organisation (its admins) or centre staff; comments both. */
export const stepSide: Record<ModelStep, 'organisation' | 'centre' | 'both'> = {
  save: 'organisation',
  submit: 'organisation',
  startReview: 'centre',
  return: 'centre',
  approve: 'centre',
  reject: 'centre',
  comment: 'both',
  newVersion: 'organisation',
};

/** The one table of transitions: from which status of the latest version a step may be taken, and where it leads. */
const transitions: Record<ModelStep, { from: readonly ModelStatus[]; to: ModelStatus | 'same' | 'newDraft' }> = {
  save: { from: ['draft', 'returned'], to: 'same' },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  startReview: { from: ['submitted'], to: 'inReview' },
  return: { from: ['submitted', 'inReview'], to: 'returned' },
  approve: { from: ['submitted', 'inReview'], to: 'approved' },
  reject: { from: ['submitted', 'inReview'], to: 'rejected' },
  comment: { from: ['submitted', 'inReview', 'returned'], to: 'same' },
  newVersion: { from: ['approved'], to: 'newDraft' },
};

/** Where a step leads from a status, or null when it is not allowed there. */
export function nextStatus(status: ModelStatus, step: ModelStep): ModelStatus | 'newDraft' | null {
  const rule = transitions[step];
  if (!rule.from.includes(status)) return null;
  return rule.to === 'same' ? status : rule.to;
}

export const isEditableModel = (status: ModelStatus) => status === 'draft' || status === 'returned';
