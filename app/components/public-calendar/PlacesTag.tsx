import type { RegistrationState } from '../../../server/trainings/registration-state';
import { useI18n } from '../../i18n/react';
import { StatusTag } from '../StatusTag';

/** Whether one can still register, and whether there is room or only the waiting list. */
export function PlacesTag({ registration }: { registration: RegistrationState }) {
  const { t, number } = useI18n();
  if (!registration.open) return <StatusTag tone="neutral">{t(`publicCalendar.closedReasons.${registration.reason}`)}</StatusTag>;
  if (registration.freePlaces === 0) return <StatusTag tone="warn">{t('publicCalendar.waitingListOnly')}</StatusTag>;
  return <StatusTag tone="ok">{registration.freePlaces === null ? t('publicCalendar.registrationOpen') : t('publicCalendar.freePlaces', { count: number(registration.freePlaces) })}</StatusTag>;
}
