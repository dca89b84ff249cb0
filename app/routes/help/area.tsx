import { Link, data } from 'react-router';
import type { Route } from './+types/area';
import { isHelpArea } from '../../help-areas';
import { requirePermission } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  await requirePermission(request, context, 'help.view');
  if (!isHelpArea(params.area)) throw data(null, { status: 404 });
  return { area: params.area };
}

export default function HelpArea({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { area } = loaderData;
  const title = t(`help.areas.${area}.title`);
  return (
    <>
      <title>{`${title} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/help">{t('help.back')}</Link>
      </p>
      <h1>{title}</h1>
      <div className="max-w-3xl">
        {t(`help.areas.${area}.body`)
          .split('\n\n')
          .map((paragraph) => (
            <p key={paragraph} className="mb-3">
              {paragraph}
            </p>
          ))}
      </div>
    </>
  );
}
