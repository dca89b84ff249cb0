import type { Language } from '../../app/i18n';
import type { SpecificationFormat } from '../payments/kinds';

/**
 * What an email carries attached, by reference: the outbox worker renders the file when it sends
 * (so the change's transaction only writes a row), from records that no longer change.
 */
export type AttachmentRef = { kind: 'paymentSpecification'; organisationId: string; paymentId: string; format: SpecificationFormat; language: Language };
