/** A payment batch is created from approved reports, then either marked paid (for good) or cancelled. */
export const paymentBatchStatuses = ['created', 'paid', 'cancelled'] as const;
export type PaymentBatchStatus = (typeof paymentBatchStatuses)[number];

/** The organisation's specification of a payment comes as a printable PDF or a spreadsheet-friendly CSV. */
export const specificationFormats = ['pdf', 'csv'] as const;
export type SpecificationFormat = (typeof specificationFormats)[number];
