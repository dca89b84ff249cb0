import { data } from 'react-router';
import type { z } from 'zod';
import { type FieldErrors, validateForm } from '../forms/validation';
import { type ExportFormat, statisticsExportSchema, statisticsFilterSchema } from '../forms/statistics';
import { translateDynamic, translator } from '../i18n';
import { requestLanguage } from './language.server';
import { helsinkiDate, yearOf } from '../../server/calendar/dates';
import type { ActorContext } from '../../server/context';
import { unitOptions } from '../../server/organisations/list-users';
import { statisticsOrganisations } from '../../server/statistics/choices';
import { tableCsv, tablesXlsx } from '../../server/statistics/export';
import { statisticsOverview } from '../../server/statistics/overview';
import type { StatisticsQuery } from '../../server/statistics/query';

type Parsed<S extends z.ZodObject> = { ok: true; query: StatisticsQuery; data: z.infer<S>; values: Record<string, string> } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * The statistics filters of a request's query string, checked against what the viewer may choose
 * (the units they see, the organisations); by default this year and the one before.
 */
export async function readStatisticsQuery<S extends z.ZodObject>(
  ctx: ActorContext,
  request: Request,
  organisationId: string | null,
  schema: S = statisticsFilterSchema as unknown as S,
): Promise<Parsed<S> & { units: { id: string; name: string; path: string }[]; organisations: { id: string; name: string }[] }> {
  const [units, organisations] = await Promise.all([organisationId ? unitOptions(ctx, organisationId, 'statistics.view') : [], organisationId ? [] : statisticsOrganisations(ctx)]);
  const choices = { units, organisations };
  const form = validateForm(schema, new URL(request.url).searchParams.entries());
  if (!form.ok) return { ok: false, errors: form.errors, values: form.values, ...choices };
  const data = form.data as z.infer<typeof statisticsFilterSchema>;
  const errors: FieldErrors = {};
  if (data.unit && (!organisationId || !units.some((u) => u.id === data.unit))) errors.unit = { key: 'statistics.errors.unknownUnit' };
  if (data.organisation && (organisationId || !organisations.some((o) => o.id === data.organisation))) errors.organisation = { key: 'statistics.errors.unknownOrganisation' };
  if (Object.keys(errors).length) return { ok: false, errors, values: form.values, ...choices };
  const thisYear = yearOf(helsinkiDate(ctx.clock.now()));
  const lastYear = data.lastYear ? Number(data.lastYear) : data.firstYear ? Math.max(Number(data.firstYear), Math.min(Number(data.firstYear) + 1, thisYear)) : thisYear;
  const firstYear = data.firstYear ? Number(data.firstYear) : lastYear - 1;
  if (lastYear < firstYear || lastYear > firstYear + 9) return { ok: false, errors: { lastYear: { key: 'statistics.errors.invalidRange' } }, values: form.values, ...choices };
  return {
    ok: true,
    data: form.data,
    values: form.values,
    query: { firstYear, lastYear, organisationId: organisationId ?? (data.organisation || null), unitId: data.unit || null, type: data.type || null, topicClass: data.topic || null },
    ...choices,
  };
}

/** A file to download, named for what it holds. */
export function downloadResponse(body: string | Buffer, format: ExportFormat, name: string) {
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), { headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}.${format}"`, 'Cache-Control': 'private, no-store' } });
}

/** One table of the statistics page, with the page's filters, as CSV or XLSX; bad filters are a 400 that says which. */
export async function statisticsDownload(ctx: ActorContext, request: Request, organisationId: string | null) {
  const parsed = await readStatisticsQuery(ctx, request, organisationId, statisticsExportSchema);
  const language = await requestLanguage(request, ctx.actor.language);
  if (!parsed.ok) {
    const t = translator(language);
    const problems = Object.entries(parsed.errors).map(([field, error]) => `${field}: ${translateDynamic(language, error.key, error.params)}`);
    return new Response(`${t('statistics.errors.badDownload')}\n${problems.join('\n')}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  // The page shows units for one organisation and organisations for all of them: only its tables download.
  const wanted = parsed.data.table;
  if ((wanted === 'units' && !parsed.query.organisationId) || (wanted === 'organisations' && parsed.query.organisationId)) throw data(null, { status: 404 });
  const overview = await statisticsOverview(ctx, parsed.query, language, wanted);
  const table = overview.tables.find((x) => x.id === wanted);
  if (!table) throw data(null, { status: 404 });
  const { firstYear, lastYear } = parsed.query;
  const name = `${table.id}-${firstYear}${lastYear === firstYear ? '' : `-${lastYear}`}`;
  return parsed.data.format === 'csv' ? downloadResponse(tableCsv(table, language), 'csv', name) : downloadResponse(await tablesXlsx([table]), 'xlsx', name);
}

/** What a statistics page's loader answers: the filters (a 400 with their errors) and the figures. */
export async function statisticsPageData<Page extends object>(ctx: ActorContext, request: Request, organisationId: string | null, page: Page & { exportPath: string }) {
  const parsed = await readStatisticsQuery(ctx, request, organisationId);
  const base = { ...page, units: parsed.units, organisations: parsed.organisations };
  if (!parsed.ok) return data({ ...base, filters: { values: parsed.values, errors: parsed.errors }, query: null, overview: null }, { status: 400 });
  const overview = await statisticsOverview(ctx, parsed.query, await requestLanguage(request, ctx.actor.language));
  return data({ ...base, filters: { values: parsed.values, errors: {} }, query: parsed.query, overview });
}
