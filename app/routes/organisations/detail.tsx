import { Link, data } from 'react-router';
import type { Route } from './+types/detail';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { RichText } from '../../components/RichText';
import { StatusTag } from '../../components/StatusTag';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { displayIban } from '../../../server/organisations/bank-account';
import { getOrganisationProfile } from '../../../server/organisations/profile';
import { type UnitNode, getUnitTree } from '../../../server/organisations/unit-tree';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'organisation.read', { organisationId });
  const organisation = await getOrganisationProfile(ctx, organisationId);
  if (!organisation) throw data(null, { status: 404 });
  return {
    organisation: { ...organisation, iban: organisation.iban ? displayIban(organisation.iban) : '' },
    canEdit: can(ctx.actor, 'organisation.edit', { organisationId }),
    canManageUnits: can(ctx.actor, 'unit.manage', { organisationId }),
    canGiveUpAdminRole: can(ctx.actor, 'adminRole.giveUp', { organisationId }),
    canEndMembership: can(ctx.actor, 'organisation.endMembership', { organisationId }) && !organisation.endedAt,
    notice: new URL(request.url).searchParams.has('created') ? ('newOrganisation.created' as const) : new URL(request.url).searchParams.has('ended') ? ('membership.ended' as const) : null,
    units: await getUnitTree(ctx, organisationId),
    canListUsers: can(ctx.actor, 'user.list', { organisationId }),
    canViewHours: can(ctx.actor, 'hours.view', { organisationId }),
    canViewMarketingKit: can(ctx.actor, 'marketingKit.view', { organisationId }),
    canApplyForBadge: can(ctx.actor, 'badge.apply', { organisationId }),
    canViewFeedback: can(ctx.actor, 'feedback.organisationSummary', { organisationId }),
    canViewSupport: can(ctx.actor, 'support.view', { organisationId }),
    canViewModels: can(ctx.actor, 'model.read', { organisationId }),
    canViewStrategy: can(ctx.actor, 'strategy.read', { organisationId }),
    canViewStatistics: can(ctx.actor, 'statistics.view', { organisationId }),
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
  const { t, dateTime, date } = useI18n();
  const { organisation, units } = loaderData;
  const dash = t('profile.notSet');
  const address = [organisation.streetAddress, [organisation.postalCode, organisation.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <>
      <title>{`${organisation.name} – ${t('app.name')}`}</title>
      {loaderData.canListOrganisations && (
        <p className="mb-2">
          <Link to="/organisations">{t('organisations.backToList')}</Link>
        </p>
      )}
      <h1>{organisation.name}</h1>
      <HelpLink area="organisation" />
      {loaderData.notice && <Notice tone="ok">{t(loaderData.notice)}</Notice>}
      {organisation.endedAt && <Notice tone="warn">{t('membership.endedBanner', { when: date(organisation.endedAt) })}</Notice>}
      {organisation.updatedAt && (
        <p className="mb-4 text-sm text-slate-700">{t('profile.lastChanged', { name: organisation.updatedByName ?? dash, when: dateTime(organisation.updatedAt) })}</p>
      )}
      <dl className="mb-4 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">{t('organisations.businessId')}</dt>
        <dd>{organisation.businessId}</dd>
        <dt className="font-semibold">{t('organisations.status')}</dt>
        <dd>{organisation.endedAt ? t('organisations.ended') : t('organisations.active')}</dd>
        <dt className="font-semibold">{t('profile.address')}</dt>
        <dd>{address || dash}</dd>
        <dt className="font-semibold">{t('profile.contact')}</dt>
        <dd>{[organisation.contactName, organisation.contactEmail, organisation.contactPhone].filter(Boolean).join(', ') || dash}</dd>
        <dt className="font-semibold">{t('profile.website')}</dt>
        <dd>{organisation.website ? <a href={organisation.website}>{organisation.website}</a> : dash}</dd>
        <dt className="font-semibold">{t('profile.iban')}</dt>
        <dd>{organisation.iban ? `${organisation.iban} (${organisation.bic})` : dash}</dd>
        <dt className="font-semibold">{t('profile.membershipStart')}</dt>
        <dd>{organisation.membershipStart ? date(new Date(`${organisation.membershipStart}T12:00:00Z`)) : dash}</dd>
        <dt className="font-semibold">{t('profile.centreContact')}</dt>
        <dd>{organisation.centreContact ? `${organisation.centreContact.name} (${organisation.centreContact.email})` : t('profile.noCentreContact')}</dd>
      </dl>
      {loaderData.canEdit && !organisation.endedAt && (
        <ul className="mb-4 space-y-1">
          <li>
            <Link to={`/organisations/${organisation.id}/profile`}>{t('profile.edit')}</Link>
          </li>
          <li>
            <Link to={`/organisations/${organisation.id}/images`}>{t('images.link')}</Link>
          </li>
        </ul>
      )}
      {loaderData.canGiveUpAdminRole && (
        <p className="mb-2">
          <Link to={`/organisations/${organisation.id}/admin-role`}>{t('adminApplication.page.giveUpLink')}</Link>
        </p>
      )}
      {loaderData.canEndMembership && (
        <p className="mb-4">
          <Link to={`/organisations/${organisation.id}/membership`}>{t('membership.end')}</Link>
        </p>
      )}
      <h2>{t('profile.internalRules')}</h2>
      {organisation.internalRules ? <RichText text={organisation.internalRules} /> : <p>{t('profile.noInternalRules')}</p>}
      {loaderData.canListUsers && (
        <p>
          <Link to={`/organisations/${organisation.id}/users`}>{t('organisations.showUsers')}</Link>
        </p>
      )}
      {loaderData.canViewHours && (
        <p>
          <Link to={`/organisations/${organisation.id}/hours`}>{t('hours.organisationLink')}</Link>
        </p>
      )}
      {loaderData.canViewSupport && (
        <p>
          <Link to={`/organisations/${organisation.id}/support`}>{t('organisations.supportLink')}</Link>
        </p>
      )}
      {loaderData.canViewModels && (
        <p>
          <Link to={`/organisations/${organisation.id}/models`}>{t('organisations.modelsLink')}</Link>
        </p>
      )}
      {loaderData.canViewStrategy && (
        <p>
          <Link to={`/organisations/${organisation.id}/strategies`}>{t('organisations.strategyLink')}</Link>
        </p>
      )}
      {loaderData.canViewStatistics && (
        <p>
          <Link to={`/organisations/${organisation.id}/statistics`}>{t('organisations.statisticsLink')}</Link>
        </p>
      )}
      {loaderData.canViewFeedback && (
        <p>
          <Link to={`/organisations/${organisation.id}/feedback`}>{t('organisations.feedbackLink')}</Link>
        </p>
      )}
      {loaderData.canViewMarketingKit && (
        <p>
          <Link to={`/organisations/${organisation.id}/marketing`}>{t('organisations.marketingLink')}</Link>
        </p>
      )}
      {loaderData.canApplyForBadge && (
        <p>
          <Link to={`/organisations/${organisation.id}/badges`}>{t('organisations.badgesLink')}</Link>
        </p>
      )}
      <h2>{t('organisations.unitTree')}</h2>
      {loaderData.canManageUnits && (
        <p className="mb-2">
          <Link to={`/organisations/${organisation.id}/units`}>{t('units.manage')}</Link>
        </p>
      )}
      {units.length === 0 ? <p>{t('organisations.noUnits')}</p> : <UnitTree nodes={units} />}
    </>
  );
}
