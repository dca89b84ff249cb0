import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n/react';

export function Pagination({ page, pages }: { page: number; pages: number }) {
  const { t } = useI18n();
  const location = useLocation();
  if (pages <= 1) return null;
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set('page', String(p));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav aria-label={t('pagination.label')} className="mt-4 flex items-center gap-4">
      {page > 1 && <Link to={hrefFor(page - 1)}>{t('pagination.previous')}</Link>}
      <span>{t('pagination.page', { page, pages })}</span>
      {page < pages && <Link to={hrefFor(page + 1)}>{t('pagination.next')}</Link>}
    </nav>
  );
}
