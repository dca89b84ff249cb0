import type { Route } from './+types/home';
import { LinkCard } from '../components/Card';
import { requirePermission } from '../http/authorize.server';
import { useI18n } from '../i18n/react';
import { can } from '../../server/access/permissions';
import { hasCentreRole } from '../../server/access/roles';
import { getOrganisation } from '../../server/organisations/get-organisation';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'home.view');
  const { actor } = ctx;
  const roles = [...new Set(actor.grants.map((g) => g.role))];
  const isCentre = hasCentreRole(actor);
  const organisationIds = [...new Set(actor.grants.flatMap((g) => (g.organisationId ? [g.organisationId] : [])))];
  const organisations = isCentre
    ? []
    : (await Promise.all(organisationIds.map((id) => getOrganisation(ctx, id)))).flatMap((o) => (o ? [{ id: o.id, name: o.name }] : []));
  return {
    name: actor.name,
    roles,
    isCentre,
    organisations,
    canListOrganisations: can(actor, 'organisation.list'),
    canReadOutbox: can(actor, 'outbox.read'),
    canReadAudit: can(actor, 'audit.read'),
  };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { roles, isCentre, organisations } = loaderData;
  const intros = [
    isCentre && t('home.centreIntro'),
    roles.includes('org_admin') && t('home.orgAdminIntro'),
    roles.includes('unit_coordinator') && t('home.coordinatorIntro'),
    roles.includes('trainer') && t('home.trainerIntro'),
    roles.includes('participant') && t('home.participantIntro'),
  ].filter((x): x is string => Boolean(x));
  const orgCardTitle = roles.includes('org_admin') ? t('home.cards.ownOrganisation') : t('home.cards.ownUnit');
  const orgCardText = roles.includes('org_admin') ? t('home.cards.ownOrganisationText') : t('home.cards.ownUnitText');
  return (
    <>
      <title>{`${t('home.title')} – ${t('app.name')}`}</title>
      <h1>{t('home.welcome', { name: loaderData.name })}</h1>
      <section aria-labelledby="roles-title" className="mb-6">
        <h2 id="roles-title" className="mt-0">
          {t('home.yourRoles')}
        </h2>
        {roles.length === 0 ? (
          <p>{t('home.noRoles')}</p>
        ) : (
          <ul className="mb-3 flex flex-wrap gap-2">
            {roles.map((role) => (
              <li key={role} className="rounded bg-brand-100 px-2 py-1 text-brand-900">
                {t(`roles.${role}`)}
              </li>
            ))}
          </ul>
        )}
        {intros.map((intro) => (
          <p key={intro}>{intro}</p>
        ))}
      </section>
      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title">{t('home.whatYouCanDo')}</h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {isCentre && loaderData.canListOrganisations && (
            <LinkCard to="/organisations" title={t('home.cards.organisations')} text={t('home.cards.organisationsText')} />
          )}
          {!isCentre &&
            loaderData.canListOrganisations &&
            organisations.map((o) => <LinkCard key={o.id} to={`/organisations/${o.id}`} title={`${orgCardTitle}: ${o.name}`} text={orgCardText} />)}
          {loaderData.canReadOutbox && <LinkCard to="/outbox" title={t('home.cards.outbox')} text={t('home.cards.outboxText')} />}
          {loaderData.canReadAudit && <LinkCard to="/audit" title={t('home.cards.audit')} text={t('home.cards.auditText')} />}
          <LinkCard to="/account" title={t('home.cards.account')} text={t('home.cards.accountText')} />
        </ul>
      </section>
    </>
  );
}
