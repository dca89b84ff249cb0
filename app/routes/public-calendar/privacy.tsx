import { Link } from 'react-router';
import type { Route } from './+types/privacy';
import { useI18n } from '../../i18n/react';
import { centreBranding } from '../../../server/centre/branding';
import { getCentreSettings } from '../../../server/centre/settings';

/** The privacy notice (tietosuojaseloste) that registrations consent to. */
export async function loader({ context }: Route.LoaderArgs) {
  const ctx = { db: context.app.db, clock: context.app.clock };
  const [centre, settings] = await Promise.all([centreBranding(ctx), getCentreSettings(ctx)]);
  return { centre: centre.name, address: settings?.address ?? '', businessId: settings?.businessId ?? '' };
}

const sections = ['controller', 'purpose', 'data', 'recipients', 'retention', 'rights'] as const;

export default function Privacy({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const params = { centre: loaderData.centre, address: loaderData.address || '–', businessId: loaderData.businessId || '–' };
  return (
    <>
      <title>{`${t('privacy.title')} – ${loaderData.centre}`}</title>
      <h1>{t('privacy.title')}</h1>
      <p className="mb-4 max-w-3xl">{t('privacy.intro', params)}</p>
      {sections.map((section) => (
        <section key={section} className="mb-4 max-w-3xl">
          <h2>{t(`privacy.${section}Title`)}</h2>
          <p className="whitespace-pre-line">{t(`privacy.${section}Body`, params)}</p>
        </section>
      ))}
      <p className="mt-6">
        <Link to="/training-calendar">{t('publicCalendar.backToCalendar')}</Link>
      </p>
    </>
  );
}
