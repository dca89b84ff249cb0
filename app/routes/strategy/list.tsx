import { Link, data, redirect } from 'react-router';
import type { Route } from './+types/list';
import { HelpLink } from '../../components/HelpLink';
import { Table } from '../../components/Table';
import { SubmitButton, TextField, ValidatedForm } from '../../components/forms';
import { newStrategySchema } from '../../forms/strategy';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { fieldRefusal, readForm } from '../../http/form.server';
import { formatDateTime } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { helsinkiDate, yearOf } from '../../../server/calendar/dates';
import { getOrganisation } from '../../../server/organisations/get-organisation';
import { createStrategy, listStrategies } from '../../../server/strategy/strategies';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'strategy.read', { organisationId });
  const [organisation, strategies] = await Promise.all([getOrganisation(ctx, organisationId), listStrategies(ctx.db, organisationId)]);
  if (!organisation) throw data(null, { status: 404 });
  const thisYear = yearOf(helsinkiDate(ctx.clock.now()));
  return { organisationId, organisationName: organisation.name, strategies, write: can(ctx.actor, 'strategy.write', { organisationId }), suggested: { firstYear: thisYear, lastYear: thisYear + 3 } };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'strategy.write', { organisationId });
  const form = await readForm(request, newStrategySchema);
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values }, { status: 400 });
  const created = await createStrategy(ctx, organisationId, { firstYear: Number(form.data.firstYear), lastYear: Number(form.data.lastYear) });
  if (!created.ok) return fieldRefusal('firstYear', { key: created.error }, form.values, 409);
  throw redirect(`/organisations/${organisationId}/strategies/${created.id}`);
}

export default function StrategiesPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { organisationId, strategies } = loaderData;
  return (
    <>
      <title>{`${t('strategy.title')}: ${loaderData.organisationName} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisationId}`}>{loaderData.organisationName}</Link>
      </p>
      <h1>{t('strategy.title')}</h1>
      <HelpLink area="strategy" />
      <p className="mb-4 max-w-3xl">{t('strategy.intro')}</p>
      {strategies.length === 0 ? (
        <p className="mb-6">{t('strategy.none')}</p>
      ) : (
        <div className="mb-8">
          <Table
            caption={t('strategy.title')}
            rowKey={(s) => s.id}
            rows={strategies}
            columns={[
              { header: t('strategy.period'), cell: (s) => <Link to={`/organisations/${organisationId}/strategies/${s.id}`}>{`${s.firstYear}–${s.lastYear}`}</Link> },
              { header: t('strategy.latestVersion'), cell: (s) => (s.latestVersion ? t('strategy.versionNumber', { version: s.latestVersion }) : t('strategy.notPublished')) },
              { header: t('strategy.draftSaved'), cell: (s) => formatDateTime(language, new Date(s.draftSavedAt)) },
            ]}
          />
        </div>
      )}
      {loaderData.write && (
        <section aria-labelledby="new-strategy" className="max-w-xl">
          <h2 id="new-strategy">{t('strategy.new')}</h2>
          <ValidatedForm method="post" schema={newStrategySchema} serverState={actionData && !actionData.ok ? actionData : undefined} labels={{ firstYear: t('strategy.firstYear'), lastYear: t('strategy.lastYear') }}>
            <TextField name="firstYear" label={t('strategy.firstYear')} defaultValue={String(loaderData.suggested.firstYear)} inputMode="numeric" />
            <TextField name="lastYear" label={t('strategy.lastYear')} hint={t('strategy.lastYearHint')} defaultValue={String(loaderData.suggested.lastYear)} inputMode="numeric" />
            <SubmitButton>{t('strategy.create')}</SubmitButton>
          </ValidatedForm>
        </section>
      )}
    </>
  );
}
