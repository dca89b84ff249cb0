import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/react';

/** Links to the previous and next year of a yearly page (the same path, another ?year), and any extra links. */
export function YearNavigation({ year, children }: { year: number; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('calendar.yearNavigation')} className="mb-4 flex flex-wrap gap-4">
      <Link to={`?year=${year - 1}`}>{t('calendar.previousYear', { year: year - 1 })}</Link>
      <Link to={`?year=${year + 1}`}>{t('calendar.nextYear', { year: year + 1 })}</Link>
      {children}
    </nav>
  );
}
