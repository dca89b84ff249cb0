import { formatHundredths } from '../../../server/hours/format';
import { useI18n } from '../../i18n/react';
import { Table } from '../Table';

export interface GradeFigures {
  answers: number;
  averageHundredths: number | null;
  distribution: { grade: number; count: number }[];
}

/** Feedback grades: the average and how many gave each grade, as a table with bars (the numbers are in the text too). */
export function GradeDistribution({ figures, caption }: { figures: GradeFigures; caption: string }) {
  const { t, language, number } = useI18n();
  const largest = Math.max(1, ...figures.distribution.map((d) => d.count));
  return (
    <>
      <p className="mb-4 text-lg" role="status">
        {figures.averageHundredths === null
          ? t('feedback.noAnswers')
          : t('feedback.average', { average: formatHundredths(language, figures.averageHundredths), count: number(figures.answers) })}
      </p>
      {figures.answers > 0 && (
        <Table
          caption={caption}
          rows={[...figures.distribution].reverse()}
          rowKey={(d) => String(d.grade)}
          columns={[
            { header: t('feedback.grade'), cell: (d) => t(`feedback.grades.${String(d.grade) as '1' | '2' | '3' | '4' | '5'}`) },
            { header: t('feedback.answers'), cell: (d) => number(d.count), numeric: true },
            {
              header: t('feedback.share'),
              cell: (d) => (
                // An SVG bar: its width is an attribute, which the content security policy allows (inline styles it does not).
                <svg viewBox="0 0 100 10" width="160" height="16" preserveAspectRatio="none" aria-hidden="true">
                  <rect width={d.count ? Math.max(2, (d.count / largest) * 100) : 0} height="10" className="fill-brand-600" />
                </svg>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
