import { Form, Link, data } from 'react-router';
import type { Route } from './+types/report';
import { ErrorSummary, FormState, TextField } from '../../components/forms';
import { requirePermission } from '../../http/authorize.server';
import { requestLanguage } from '../../http/language.server';
import { downloadResponse } from '../../http/statistics.server';
import { authorityReportSchema } from '../../forms/statistics';
import { validateForm } from '../../forms/validation';
import { useI18n } from '../../i18n/react';
import { helsinkiDate, yearOf } from '../../../server/calendar/dates';
import { authorityReport } from '../../../server/statistics/authority-report';
import { tableCsv, tablesXlsx } from '../../../server/statistics/export';

/** The yearly report to the education authorities: the form, and with `format` the file itself. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'statistics.centre');
  const searchParams = new URL(request.url).searchParams;
  const lastYear = String(yearOf(helsinkiDate(ctx.clock.now())) - 1);
  if (searchParams.size === 0) return { errors: {}, values: { year: lastYear } };
  const form = validateForm(authorityReportSchema, searchParams.entries());
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  if (!form.data.format) return { errors: {}, values: form.values };
  const year = Number(form.data.year);
  const report = await authorityReport(ctx, year, await requestLanguage(request, ctx.actor.language));
  const name = `vuosiraportti-${year}`;
  return form.data.format === 'csv' ? downloadResponse(tableCsv(report, await requestLanguage(request, ctx.actor.language)), 'csv', name) : downloadResponse(await tablesXlsx([report]), 'xlsx', name);
}

export default function AuthorityReport({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const labels = { year: t('statistics.report.year'), format: t('statistics.report.format') };
  return (
    <>
      <title>{`${t('statistics.report.title')} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/statistics">{t('statistics.centreTitle')}</Link>
      </p>
      <h1>{t('statistics.report.title')}</h1>
      <p className="max-w-3xl">{t('statistics.report.intro')}</p>
      <FormState errors={loaderData.errors} values={loaderData.values}>
        <Form method="get" reloadDocument className="my-4 max-w-md">
          <ErrorSummary errors={loaderData.errors} labels={labels} />
          <TextField name="year" label={labels.year} inputMode="numeric" defaultValue={loaderData.values.year} />
          <p className="flex flex-wrap gap-3">
            {(['xlsx', 'csv'] as const).map((format) => (
              <button key={format} type="submit" name="format" value={format} className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
                {t('statistics.report.download', { format: format.toUpperCase() })}
              </button>
            ))}
          </p>
        </Form>
      </FormState>
    </>
  );
}
