import { Link, data } from 'react-router';
import { YearNavigation } from '../../components/YearNavigation';
import type { Route } from './+types/unit';
import { HourFigures, HourWarnings } from '../../components/Hours';
import { HoursChart } from '../../components/HoursChart';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { yearParam } from '../../http/year.server';
import { useI18n } from '../../i18n/react';
import { getUnit } from '../../../server/organisations/units';
import { unitHours } from '../../../server/hours/monitoring';
import { can } from '../../../server/access/permissions';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const unitId = requireUuid(params.unitId);
  const ctx = await requirePermission(request, context, 'hours.view', { organisationId });
  const unit = await getUnit(ctx, organisationId, unitId);
  if (!unit) throw data(null, { status: 404 });
  // A coordinator sees the units of their own subtree only.
  if (!can(ctx.actor, 'hours.view', { organisationId, unitPath: unit.path })) throw data(null, { status: 403 });
  const year = yearParam(request, ctx.clock);
  return { organisationId, unit: { id: unit.id, name: unit.name }, hours: await unitHours(ctx, organisationId, unitId, year) };
}

export default function UnitHoursPage({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { organisationId, unit, hours } = loaderData;
  const { year, figures } = hours;
  return (
    <>
      <title>{`${t('hours.unitTitle', { year, unit: unit.name })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisationId}/hours?year=${year}`}>{t('hours.backToHours')}</Link>
      </p>
      <h1>{t('hours.unitTitle', { year, unit: unit.name })}</h1>
      <YearNavigation year={year} />
      <HourWarnings warnings={figures.warnings} />
      <HourFigures figures={[['allocated', figures.base], ['reserved', figures.reserved], ['used', figures.used], ['remaining', figures.free]] as const} />
      {figures.base === 0 && <p className="mb-4 max-w-3xl">{t('hours.noAllocation')}</p>}
      <HoursChart series={hours.series} title={t('hours.chart.unitTitle', { year, unit: unit.name })} baseLabel={t('hours.chart.allocated')} />
    </>
  );
}
