import { Form, Link } from 'react-router';
import type { Route } from './+types/report';
import { HelpLink } from '../../components/HelpLink';
import { TextField } from '../../components/forms';
import { requirePermission } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { helsinkiDate, yearOf } from '../../../server/calendar/dates';

/** The yearly report to the education authorities: the form (the file comes from ./report/download). */
export async function loader({ context, request }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'statistics.centre');
  // By default the year that has ended.
  return { lastYear: String(yearOf(helsinkiDate(ctx.clock.now())) - 1) };
}

export default function AuthorityReport({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  return (
    <>
      <title>{`${t('statistics.report.title')} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/statistics">{t('statistics.centreTitle')}</Link>
      </p>
      <h1>{t('statistics.report.title')}</h1>
      <HelpLink area="statistics" />
      <p className="max-w-3xl">{t('statistics.report.intro')}</p>
      <Form method="get" action="/statistics/report/download" reloadDocument className="my-4 max-w-md">
        <TextField name="year" label={t('statistics.report.year')} inputMode="numeric" defaultValue={loaderData.lastYear} />
        <p className="flex flex-wrap gap-3">
          {(['xlsx', 'csv'] as const).map((format) => (
            <button key={format} type="submit" name="format" value={format} className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
              {t('statistics.report.download', { format: format.toUpperCase() })}
            </button>
          ))}
        </p>
      </Form>
    </>
  );
}
