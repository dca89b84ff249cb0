import { Form, Link, data } from 'react-router';
import { YearNavigation } from '../../components/YearNavigation';
import type { Route } from './+types/decisions';
import { HelpLink } from '../../components/HelpLink';
import { Hours } from '../../components/Hours';
import { Notice } from '../../components/Notice';
import { StatusTag } from '../../components/StatusTag';
import { Table } from '../../components/Table';
import { SubmitButton, TextField, ValidatedForm } from '../../components/forms';
import { budgetSchema, publishAllSchema } from '../../forms/hours';
import { requirePermission } from '../../http/authorize.server';
import { baseUrl } from '../../http/base-url.server';
import { fieldRefusal, readIntentForm } from '../../http/form.server';
import { requestLanguage } from '../../http/language.server';
import { windowClosedFormError } from '../../http/window.server';
import { yearParam } from '../../http/year.server';
import { translateDynamic } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { formatEventDates } from '../../../server/calendar/format';
import { windowStatus } from '../../../server/calendar/windows';
import { decisionOverview, publishDecisions, setBudget } from '../../../server/hours/decisions';
import { formatHours, formatHoursInput } from '../../../server/hours/format';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'hours.decide');
  const year = yearParam(request, ctx.clock, 1);
  const [overview, window] = await Promise.all([decisionOverview(ctx, year), windowStatus(ctx, 'grantDecisions')]);
  return { year, ...overview, window: { ...window, forThisYear: window.year + 1 === year } };
}

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'hours.decide');
  const year = yearParam(request, ctx.clock, 1);
  const form = await readIntentForm(request, { budget: budgetSchema, publishAll: publishAllSchema });
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values }, { status: 400 });
  const language = await requestLanguage(request, ctx.actor.language);
  if (form.intent === 'budget') {
    const result = await setBudget(ctx, year, form.data.hours, form.data.reason);
    if (!result.ok) {
      const params = { hours: formatHours(language, result.availableHundredths) };
      return fieldRefusal('hours', { key: 'hours.errors.budgetBelowGranted', params }, form.values);
    }
    return { ok: true as const, intent: 'budget' as const, published: 0 };
  }
  const closed = await windowClosedFormError(ctx, language, 'grantDecisions', {});
  if (closed) return closed;
  const result = await publishDecisions(ctx, year, null, { publicUrl: baseUrl(context) });
  if (!result.ok) {
    const params: Record<string, string> = 'organisationName' in result ? { organisation: result.organisationName, hours: formatHours(language, result.availableHundredths) } : {};
    return fieldRefusal('_form', { key: result.error, params }, {}, 409);
  }
  return { ok: true as const, intent: 'publishAll' as const, published: result.published };
}

export default function Decisions({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language, number } = useI18n();
  const { year, rows, centre, published, drafted, window } = loaderData;
  const budgetLabels = { hours: t('hours.budgetHours'), reason: t('hours.reason') };
  const formError = actionData && !actionData.ok ? actionData.errors._form : undefined;
  const draftCount = rows.filter((r) => r.decision?.status === 'draft').length;
  return (
    <>
      <title>{`${t('hours.decisionsTitle', { year })} – ${t('app.name')}`}</title>
      <h1>{t('hours.decisionsTitle', { year })}</h1>
      <HelpLink area="hours" />
      <YearNavigation year={year}>
        <Link to="/hours/requests">{t('requests.queueTitle')}</Link>
      </YearNavigation>
      {actionData?.ok && actionData.intent === 'budget' && <Notice tone="ok">{t('hours.budgetSaved')}</Notice>}
      {actionData?.ok && actionData.intent === 'publishAll' && <Notice tone="ok">{t('hours.publishedCount', { count: number(actionData.published) })}</Notice>}
      {formError && <Notice tone="error">{translateDynamic(language, formError.key, formError.params)}</Notice>}

      <section aria-labelledby="budget-title" className="mb-6 max-w-3xl rounded border border-slate-300 bg-white p-4">
        <h2 id="budget-title" className="mt-0">
          {t('hours.budgetTitle', { year })}
        </h2>
        <dl className="mb-4 grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-4">
          <dt className="font-semibold">{t('hours.budget')}</dt>
          <dd><Hours hundredths={centre.budget} /></dd>
          <dt className="font-semibold">{t('hours.publishedGrants')}</dt>
          <dd><Hours hundredths={published} /></dd>
          <dt className="font-semibold">{t('hours.draftGrants')}</dt>
          <dd><Hours hundredths={drafted} /></dd>
          <dt className="font-semibold">{t('hours.centreFree')}</dt>
          <dd><Hours hundredths={centre.free} /></dd>
        </dl>
        <ValidatedForm method="post" schema={budgetSchema} serverState={actionData && !actionData.ok && !formError ? actionData : undefined} labels={budgetLabels}>
          <input type="hidden" name="intent" value="budget" />
          <TextField name="hours" label={budgetLabels.hours} hint={t('hours.hoursHint')} defaultValue={formatHoursInput(language, centre.budget)} />
          <TextField name="reason" label={budgetLabels.reason} required={false} />
          <SubmitButton>{t('hours.saveBudget')}</SubmitButton>
        </ValidatedForm>
      </section>

      <section aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t('hours.organisationsTitle')}</h2>
        <p className="mb-3 max-w-3xl">
          {window.forThisYear && window.open
            ? t('hours.windowOpen', { dates: window.periods.map((p) => formatEventDates(language, { window: 'grantDecisions', ...p })).join(', ') })
            : t('hours.windowClosedInfo', { year })}
        </p>
        {window.forThisYear && window.open && draftCount > 0 && (
          <Form method="post" className="mb-4">
            <input type="hidden" name="intent" value="publishAll" />
            <SubmitButton>{t('hours.publishAll', { count: number(draftCount) })}</SubmitButton>
          </Form>
        )}
        {rows.length === 0 ? (
          <p>{t('hours.noOrganisations')}</p>
        ) : (
          <Table
            caption={t('hours.organisationsTitle')}
            rows={rows}
            rowKey={(r) => r.organisation.id}
            columns={[
              { header: t('hours.organisation'), cell: (r) => <Link to={`/hours/${year}/organisations/${r.organisation.id}`}>{r.organisation.name}</Link> },
              { header: t('hours.lastYearGranted', { year: year - 1 }), cell: (r) => <Hours hundredths={r.lastYearGranted} />, numeric: true },
              { header: t('hours.lastYearUsed', { year: year - 1 }), cell: (r) => <Hours hundredths={r.lastYearUsed} />, numeric: true },
              {
                header: t('hours.proposal'),
                cell: (r) => (r.proposal ? <Link to={`/organisations/${r.organisation.id}/hours/proposals/${year}`}><Hours hundredths={r.proposal.hundredths} /> ({t(`proposals.statuses.${r.proposal.status}`)})</Link> : '–'),
                numeric: true,
              },
              { header: t('hours.granted'), cell: (r) => (r.decision ? <Hours hundredths={r.decision.grantedHundredths} /> : '–'), numeric: true },
              { header: t('hours.peerQuota'), cell: (r) => <Hours hundredths={r.peerQuota} />, numeric: true },
              {
                header: t('hours.status'),
                cell: (r) =>
                  r.decision ? (
                    <StatusTag tone={r.decision.status === 'published' ? 'ok' : 'warn'}>{t(`hours.statuses.${r.decision.status}`)}</StatusTag>
                  ) : (
                    <StatusTag tone="neutral">{t('hours.statuses.none')}</StatusTag>
                  ),
              },
            ]}
          />
        )}
      </section>
    </>
  );
}
