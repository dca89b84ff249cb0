import { data } from 'react-router';
import type { Route } from './+types/report-download';
import { requirePermission } from '../../http/authorize.server';
import { requestLanguage } from '../../http/language.server';
import { downloadResponse } from '../../http/statistics.server';
import { authorityReportSchema } from '../../forms/statistics';
import { validateForm } from '../../forms/validation';
import { translateDynamic } from '../../i18n';
import { authorityReport } from '../../../server/statistics/authority-report';
import { tableCsv, tablesXlsx } from '../../../server/statistics/export';

/** The yearly report to the education authorities as one CSV or XLSX file; a bad year or format is a 400 that says which. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'statistics.centre');
  const language = await requestLanguage(request, ctx.actor.language);
  const form = validateForm(authorityReportSchema, new URL(request.url).searchParams.entries());
  if (!form.ok || !form.data.format) {
    const errors = form.ok ? { format: { key: 'forms.required' } } : form.errors;
    const problems = Object.entries(errors).map(([field, error]) => `${field}: ${translateDynamic(language, error.key, error.params)}`);
    throw data(problems.join('\n'), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const year = Number(form.data.year);
  const report = await authorityReport(ctx, year, language);
  const name = `vuosiraportti-${year}`;
  return form.data.format === 'csv' ? downloadResponse(tableCsv(report, language), 'csv', name) : downloadResponse(await tablesXlsx([report]), 'xlsx', name);
}
