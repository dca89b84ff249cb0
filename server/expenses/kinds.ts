/** The fixed lists an expense report is described by (no database or server code: forms in the browser use them). */
export const expenseReportStatuses = ['draft', 'submitted', 'returned', 'approved', 'rejected'] as const;
export type ExpenseReportStatus = (typeof expenseReportStatuses)[number];

export const expenseReportEventKinds = ['submitted', 'returned', 'approved', 'rejected', 'receiptsChecked', 'latePermitted'] as const;
export type ExpenseReportEventKind = (typeof expenseReportEventKinds)[number];

/**
 * Cost categories of the product spec: trainer fees (with employer costs), the trainer's travel,
 * premises and equipment, marketing and materials, and participants' travel (capped).
 */
export const costCategories = ['trainerFees', 'trainerTravel', 'premises', 'marketing', 'participantTravel'] as const;
export type CostCategory = (typeof costCategories)[number];

/** The trainer writes the report while it is a draft or has been returned for corrections. */
export const isEditableReport = (status: ExpenseReportStatus | null) => status === null || status === 'draft' || status === 'returned';
