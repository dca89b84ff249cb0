import { Link } from 'react-router';
import type { HelpArea } from '../help-areas';
import { useI18n } from '../i18n/react';

/** The way from a screen to its help page. */
export function HelpLink({ area }: { area: HelpArea }) {
  const { t } = useI18n();
  return (
    <p className="mb-4 text-sm">
      <Link to={`/help/${area}`}>{t('help.link', { area: t(`help.areas.${area}.title`) })}</Link>
    </p>
  );
}
