import type { PaymentBatchStatus } from '../../../server/payments/kinds';
import { formatIsoDate } from '../../../server/calendar/format';
import { useI18n } from '../../i18n/react';

/** Where an approved report's support is: waiting for a batch, in one, or paid (on which day, in which batch). */
export function PaymentState({ batch }: { batch: { reference: string | null; status: PaymentBatchStatus | null; paidOn: string | null } | null }) {
  const { t, language } = useI18n();
  if (batch?.status === 'paid') return <>{t('payments.paidIn', { reference: batch.reference ?? '', date: formatIsoDate(language, batch.paidOn ?? '') })}</>;
  if (batch?.status === 'created') return <>{t('payments.inBatch', { reference: batch.reference ?? '' })}</>;
  return <>{t('payments.waitingForBatch')}</>;
}
