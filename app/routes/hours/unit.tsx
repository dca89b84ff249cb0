import { Link, data } from 'react-router';
import type { Route } from './+types/unit';
import { HourWarnings, Hours } from '../../components/Hours';
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
      <nav aria-label={t('calendar.yearNavigation')} className="mb-4 flex gap-4">
        <Link to={`?year=${year - 1}`}>{t('calendar.previousYear', { year: year - 1 })}</Link>
        <Link to={`?year=${year + 1}`}>{t('calendar.nextYear', { year: year + 1 })}</Link>
      </nav>
      <HourWarnings warnings={figures.warnings} />
      <dl className="mb-6 grid max-w-3xl grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-4">
        {(
          [
            ['allocated', figures.base],
            ['reserved', figures.reserved],
            ['used', figures.used],
            ['remaining', figures.free],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="rounded border border-slate-300 bg-white p-3">
            <dt className="text-sm text-slate-700">{t(`hours.figures.${key}`)}</dt>
            <dd className="text-xl font-semibold tabular-nums">
              <Hours hundredths={value} />
            </dd>
          </div>
        ))}
      </dl>
      {figures.base === 0 && <p className="mb-4 max-w-3xl">{t('hours.noAllocation')}</p>}
      <HoursChart series={hours.series} title={t('hours.chart.unitTitle', { year, unit: unit.name })} baseLabel={t('hours.chart.allocated')} />
    </>
  );
}
