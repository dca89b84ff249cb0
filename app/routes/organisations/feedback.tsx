import { Form, Link, data } from 'react-router';
import type { Route } from './+types/feedback';
import { FilterSelect } from '../../components/FilterSelect';
import { Table } from '../../components/Table';
import { GradeDistribution } from '../../components/trainings/GradeDistribution';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { helsinkiDate, yearOf } from '../../../server/calendar/dates';
import { formatHundredths } from '../../../server/hours/format';
import { getOrganisation } from '../../../server/organisations/get-organisation';
import { organisationFeedbackSummary } from '../../../server/trainings/feedback';

/** The organisation's feedback in a year: totals and each training that got answers. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'feedback.organisationSummary', { organisationId });
  const organisation = await getOrganisation(ctx, organisationId);
  if (!organisation) throw data(null, { status: 404 });
  const currentYear = yearOf(helsinkiDate(ctx.clock.now()));
  const asked = new URL(request.url).searchParams.get('year');
  const year = asked && /^20\d{2}$/.test(asked) ? Number(asked) : currentYear;
  return {
    organisation: { id: organisationId, name: organisation.name },
    year,
    years: Array.from({ length: 5 }, (_, i) => String(currentYear - i)),
    summary: await organisationFeedbackSummary(ctx.db, organisationId, year),
  };
}

export default function OrganisationFeedback({ loaderData }: Route.ComponentProps) {
  const { t, language, number } = useI18n();
  const { organisation, summary, year } = loaderData;
  return (
    <>
      <title>{`${t('feedback.organisationTitle')} – ${organisation.name}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
      </p>
      <h1>{t('feedback.organisationTitleFor', { name: organisation.name, year })}</h1>
      <Form method="get" className="my-4 flex flex-wrap items-end gap-3">
        <FilterSelect name="year" label={t('feedback.year')} value={String(year)} options={loaderData.years.map((y) => ({ value: y, label: y }))} />
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t('feedback.show')}
        </button>
      </Form>
      <GradeDistribution figures={summary} caption={t('feedback.distribution')} />
      <h2 className="mt-6">{t('feedback.perTraining')}</h2>
      {summary.trainings.length === 0 ? (
        <p>{t('feedback.noTrainings')}</p>
      ) : (
        <Table
          caption={t('feedback.perTraining')}
          rows={summary.trainings}
          rowKey={(r) => r.id}
          columns={[
            { header: t('trainings.name'), cell: (r) => <Link to={`/organisations/${organisation.id}/trainings/${r.id}/feedback`}>{r.name}</Link> },
            { header: t('feedback.answers'), cell: (r) => number(r.answers), numeric: true },
            { header: t('feedback.averageShort'), cell: (r) => formatHundredths(language, r.averageHundredths), numeric: true },
          ]}
        />
      )}
    </>
  );
}
