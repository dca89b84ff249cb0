import type { PaymentBatchStatus } from '../../../server/payments/kinds';
import { useI18n } from '../../i18n/react';
import { StatusTag } from '../StatusTag';

const tones = { created: 'warn', paid: 'ok', cancelled: 'neutral' } as const;

/** A payment batch's status in words (and colour). */
export function BatchStatusTag({ status }: { status: PaymentBatchStatus }) {
  const { t } = useI18n();
  return <StatusTag tone={tones[status]}>{t(`payments.statuses.${status}`)}</StatusTag>;
}
