import { Link, data } from 'react-router';
import { YearNavigation } from '../../components/YearNavigation';
import { unitOption } from '../../components/UnitOptions';
import type { Route } from './+types/organisation';
import { HelpLink } from '../../components/HelpLink';
import { HourFigures, HourWarnings, Hours } from '../../components/Hours';
import { HoursChart } from '../../components/HoursChart';
import { Notice } from '../../components/Notice';
import { StatusTag } from '../../components/StatusTag';
import { Table } from '../../components/Table';
import { ChoiceGroup, SelectField, SubmitButton, TextField, ValidatedForm } from '../../components/forms';
import { allocationSchema } from '../../forms/hours';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { fieldRefusal, readForm } from '../../http/form.server';
import { requestLanguage } from '../../http/language.server';
import { yearParam } from '../../http/year.server';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { getDecision } from '../../../server/hours/decisions';
import { distributeHours } from '../../../server/hours/distribution';
import { formatHours } from '../../../server/hours/format';
import { organisationHours } from '../../../server/hours/monitoring';
import { getOrganisation } from '../../../server/organisations/get-organisation';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'hours.view', { organisationId });
  const year = yearParam(request, ctx.clock);
  const [organisation, hours, decision] = await Promise.all([getOrganisation(ctx, organisationId), organisationHours(ctx, organisationId, year), getDecision(ctx.db, year, organisationId)]);
  if (!organisation) throw data(null, { status: 404 });
  // Coordinators see their part; the organisation's own figures are for its admins and staff only.
  const wholeOrganisation = can(ctx.actor, 'organisation.edit', { organisationId });
  return {
    organisation: { id: organisation.id, name: organisation.name },
    hours: wholeOrganisation ? hours : { ...hours, organisation: { base: 0, reserved: 0, used: 0, free: 0, warnings: [] }, series: [], unallocated: 0, peer: null },
    decision: decision?.status === 'published' && can(ctx.actor, 'hours.readDecision', { organisationId }) ? { id: decision.id } : null,
    wholeOrganisation,
    canDistribute: can(ctx.actor, 'hours.distribute', { organisationId }),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'hours.distribute', { organisationId });
  const year = yearParam(request, ctx.clock);
  const form = await readForm(request, allocationSchema);
  if (!form.ok) return data(form, { status: 400 });
  const result = await distributeHours(ctx, { year, organisationId, ...form.data, hundredths: form.data.hours, direction: form.data.intent });
  if (!result.ok) {
    const language = await requestLanguage(request, ctx.actor.language);
    const values = form.values;
    if (!('availableHundredths' in result)) return fieldRefusal(result.error === 'hours.errors.pastYear' ? 'hours' : 'unitId', { key: result.error }, values);
    const key = form.data.intent === 'allocate' ? 'hours.errors.poolInsufficient' : 'hours.errors.unitInsufficient';
    return fieldRefusal('hours', { key, params: { hours: formatHours(language, result.availableHundredths) } }, values);
  }
  return { ok: true as const, intent: form.data.intent };
}

export default function OrganisationHours({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { organisation, hours, decision, wholeOrganisation, canDistribute } = loaderData;
  const { year, organisation: totals } = hours;
  const labels = { intent: t('hours.direction'), unitId: t('hours.unit'), hours: t('hours.hoursField'), reason: t('hours.reason') };
  const unitOptions = hours.units.map((u) => unitOption(u.unit.id, u.unit.name, u.unit.depth));
  return (
    <>
      <title>{`${t('hours.organisationTitle', { year, organisation: organisation.name })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisation.id}`}>{t('hours.backToOrganisation', { organisation: organisation.name })}</Link>
      </p>
      <h1>{t('hours.organisationTitle', { year, organisation: organisation.name })}</h1>
      <HelpLink area="hours" />
      <YearNavigation year={year}>
        {decision && <a href={`/hours/decisions/${decision.id}/pdf`}>{t('hours.printDecision')}</a>}
        {wholeOrganisation && <Link to={`/organisations/${organisation.id}/hours/requests?year=${year}`}>{t('hours.requestsLink')}</Link>}
        <Link to={`/organisations/${organisation.id}/hours/proposals/${year + 1}`}>{t('hours.proposalLink', { year: year + 1 })}</Link>
      </YearNavigation>
      {actionData?.ok && <Notice tone="ok">{t(`hours.saved.${actionData.intent}`)}</Notice>}
      {wholeOrganisation && (
        <>
          <HourWarnings warnings={totals.warnings} />
          <HourFigures figures={[['granted', totals.base], ['unallocated', hours.unallocated], ['reserved', totals.reserved], ['used', totals.used], ['free', totals.free]] as const} />
          {totals.base === 0 && <p className="mb-4">{t('hours.noGrant', { year })}</p>}
          <HoursChart series={hours.series} title={t('hours.chart.title', { year })} baseLabel={t('hours.chart.granted')} />
          {hours.peer && (
            <p className="mb-6">
              {t('hours.peerSummary')}: <Hours hundredths={hours.peer.base} /> · {t('hours.figures.reserved')} <Hours hundredths={hours.peer.reserved} /> ·{' '}
              {t('hours.figures.used')} <Hours hundredths={hours.peer.used} />
            </p>
          )}
        </>
      )}
      <section aria-labelledby="units-title" className="mb-6">
        <h2 id="units-title">{t('hours.unitsTitle')}</h2>
        {wholeOrganisation && <p className="mb-3 max-w-3xl">{t('hours.unitsIntro')}</p>}
        {hours.units.length === 0 ? (
          <p>{t('hours.noUnits')}</p>
        ) : (
          <Table
            caption={t('hours.unitsTitle')}
            rows={hours.units}
            rowKey={(u) => u.unit.id}
            columns={[
              {
                header: t('hours.unit'),
                cell: (u) => (
                  <span style={{ paddingLeft: `${u.unit.depth * 1.25}rem` }}>
                    <Link to={`/organisations/${organisation.id}/hours/${u.unit.id}?year=${year}`}>{u.unit.name}</Link>
                    {u.warnings.length > 0 && (
                      <>
                        {' '}
                        <StatusTag tone="warn">{t(`hours.warningTags.${u.warnings[0]!}`)}</StatusTag>
                      </>
                    )}
                  </span>
                ),
              },
              { header: t('hours.figures.allocated'), cell: (u) => <Hours hundredths={u.allocated} />, numeric: true },
              { header: t('hours.figures.reserved'), cell: (u) => <Hours hundredths={u.reserved} />, numeric: true },
              { header: t('hours.figures.used'), cell: (u) => <Hours hundredths={u.used} />, numeric: true },
              { header: t('hours.figures.remaining'), cell: (u) => <Hours hundredths={u.remaining} />, numeric: true },
            ]}
          />
        )}
      </section>
      {canDistribute && unitOptions.length > 0 && (
        <section aria-labelledby="distribute-title" className="max-w-3xl rounded border border-slate-300 bg-white p-4">
          <h2 id="distribute-title" className="mt-0">
            {t('hours.distributeTitle')}
          </h2>
          {/* Keyed by what is unallocated, so that a saved allocation leaves an empty form behind. */}
          <ValidatedForm key={hours.unallocated} method="post" schema={allocationSchema} serverState={actionData && !actionData.ok ? actionData : undefined} labels={labels}>
            <ChoiceGroup
              name="intent"
              legend={labels.intent}
              type="radio"
              options={[
                { value: 'allocate', label: t('hours.allocate') },
                { value: 'takeBack', label: t('hours.takeBack') },
              ]}
              defaultValues={['allocate']}
            />
            <SelectField name="unitId" label={labels.unitId} placeholder={t('hours.chooseUnit')} options={unitOptions} />
            <TextField name="hours" label={labels.hours} hint={t('hours.hoursHint')} />
            <TextField name="reason" label={labels.reason} required={false} />
            <SubmitButton>{t('hours.distributeSubmit')}</SubmitButton>
          </ValidatedForm>
        </section>
      )}
    </>
  );
}
