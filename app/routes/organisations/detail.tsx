import { Link, data } from 'react-router';
import type { Route } from './+types/detail';
import { StatusTag } from '../../components/StatusTag';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { getOrganisation } from '../../../server/organisations/get-organisation';
import { type UnitNode, getUnitTree } from '../../../server/organisations/unit-tree';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'organisation.read', { organisationId });
  const organisation = await getOrganisation(ctx, organisationId);
  if (!organisation) throw data(null, { status: 404 });
  return {
    organisation,
    units: await getUnitTree(ctx, organisationId),
    canListUsers: can(ctx.actor, 'user.list', { organisationId }),
    canListOrganisations: can(ctx.actor, 'organisation.list'),
  };
}

function UnitTree({ nodes }: { nodes: UnitNode[] }) {
  const { t } = useI18n();
  return (
    <ul className="ml-5 list-disc">
      {nodes.map((unit) => (
        <li key={unit.id} className="my-1">
          <span className="font-semibold">{unit.name}</span> <span className="text-slate-700">({t(`unitKinds.${unit.kind}`)})</span>{' '}
          {unit.trainsWithCentre ? (
            <StatusTag tone="ok">{t('organisations.trainsWithCentre')}</StatusTag>
          ) : (
            <StatusTag tone="neutral">{t('organisations.notTrainingWithCentre')}</StatusTag>
          )}
          {unit.children.length > 0 && <UnitTree nodes={unit.children} />}
        </li>
      ))}
    </ul>
  );
}

export default function OrganisationDetail({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { organisation, units } = loaderData;
  return (
    <>
      <title>{`${organisation.name} – ${t('app.name')}`}</title>
      {loaderData.canListOrganisations && (
        <p className="mb-2">
          <Link to="/organisations">{t('organisations.backToList')}</Link>
        </p>
      )}
      <h1>{organisation.name}</h1>
      <dl className="mb-4 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">{t('organisations.businessId')}</dt>
        <dd>{organisation.businessId}</dd>
        <dt className="font-semibold">{t('organisations.status')}</dt>
        <dd>{organisation.endedAt ? t('organisations.ended') : t('organisations.active')}</dd>
      </dl>
      {loaderData.canListUsers && (
        <p>
          <Link to={`/organisations/${organisation.id}/users`}>{t('organisations.showUsers')}</Link>
        </p>
      )}
      <h2>{t('organisations.unitTree')}</h2>
      {units.length === 0 ? <p>{t('organisations.noUnits')}</p> : <UnitTree nodes={units} />}
    </>
  );
}
