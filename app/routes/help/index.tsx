import { Link } from 'react-router';
import type { Route } from './+types/index';
import { helpAreas } from '../../help-areas';
import { requirePermission } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';

export async function loader({ request, context }: Route.LoaderArgs) {
  await requirePermission(request, context, 'help.view');
  return null;
}

export default function HelpIndex() {
  const { t } = useI18n();
  return (
    <>
      <title>{`${t('help.title')} – ${t('app.name')}`}</title>
      <h1>{t('help.title')}</h1>
      <p className="mb-4 max-w-3xl">{t('help.intro')}</p>
      <ul className="list-disc pl-6">
        {helpAreas.map((area) => (
          <li key={area} className="my-1">
            <Link to={`/help/${area}`}>{t(`help.areas.${area}.title`)}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
