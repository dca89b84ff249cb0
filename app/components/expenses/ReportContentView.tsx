import { formatIsoDate } from '../../../server/calendar/format';
import { formatEuros } from '../../../server/expenses/format';
import type { ReportContent } from '../../../server/expenses/support';
import { formatHundredths } from '../../../server/hours/format';
import { teachingHundredths } from '../../../server/trainings/teaching-hours';
import { useI18n } from '../../i18n/react';
import { Table } from '../Table';

/** A report's content to read: the realised sessions, the cost items, income and the declaration. */
export function ReportContentView({ content }: { content: ReportContent }) {
  const { t, language, number } = useI18n();
  const euros = (cents: number) => formatEuros(language, cents);
  return (
    <>
      <h2>{t('expenses.realisedSessions')}</h2>
      {content.sessions.length === 0 ? (
        <p className="mb-4">{t('trainings.noSessions')}</p>
      ) : (
        <Table
          caption={t('expenses.realisedSessions')}
          rows={content.sessions.map((s, i) => ({ ...s, i }))}
          rowKey={(s) => String(s.i)}
          columns={[
            { header: t('trainings.sessionDate'), cell: (s) => formatIsoDate(language, s.date) },
            { header: t('expenses.sessionTime'), cell: (s) => `${s.start}–${s.end}` },
            { header: t('trainings.sessionBreak'), cell: (s) => number(s.breakMinutes), numeric: true },
          ]}
        />
      )}
      <p className="mt-2 mb-6 font-semibold">{t('expenses.realisedHours', { hours: formatHundredths(language, teachingHundredths(content.sessions)) })}</p>
      <h2>{t('expenses.costs')}</h2>
      {content.costs.length === 0 ? (
        <p className="mb-6">{t('expenses.noCosts')}</p>
      ) : (
        <div className="mb-6">
          <Table
            caption={t('expenses.costs')}
            rows={content.costs.map((c, i) => ({ ...c, i }))}
            rowKey={(c) => String(c.i)}
            columns={[
              { header: t('expenses.fields.costCategory'), cell: (c) => t(`expenses.categories.${c.category}`) },
              { header: t('expenses.fields.costDescription'), cell: (c) => c.description },
              { header: t('expenses.fields.costAmount'), cell: (c) => euros(c.amountCents), numeric: true },
            ]}
          />
        </div>
      )}
      <h2>{t('expenses.income')}</h2>
      <dl className="mb-6 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <dt className="font-semibold">{t('expenses.fields.participantFees')}</dt>
        <dd className="tabular-nums">{euros(content.participantFeesCents)}</dd>
        <dt className="font-semibold">{t('expenses.fields.otherFunding')}</dt>
        <dd className="tabular-nums">{content.otherFundingCents ? `${euros(content.otherFundingCents)} (${content.otherFundingSource})` : euros(0)}</dd>
        <dt className="font-semibold">{t('expenses.fields.marketingDeclaration')}</dt>
        <dd>{content.marketingDeclaration ? t('expenses.yes') : t('expenses.no')}</dd>
        {content.notes && (
          <>
            <dt className="font-semibold">{t('expenses.fields.notes')}</dt>
            <dd className="whitespace-pre-line">{content.notes}</dd>
          </>
        )}
      </dl>
    </>
  );
}
