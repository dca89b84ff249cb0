import { formatIsoDate } from '../../../server/calendar/format';
import { formatHundredths } from '../../../server/hours/format';
import type { Finding } from '../../../server/trainings/eligibility';
import { useI18n } from '../../i18n/react';
import { StatusTag } from '../StatusTag';

/** The support rules a plan does not meet: hard ones block submission, soft ones are notes. */
export function PlanFindings({ findings }: { findings: Finding[] }) {
  const { t, language } = useI18n();
  const hours = (hundredths: string | number | undefined) => formatHundredths(language, Number(hundredths ?? 0));
  const params = (finding: Finding) => {
    const p = finding.params ?? {};
    if (finding.rule === 'minHours') return { hours: hours(p.hundredths), minimum: hours(p.minimum) };
    if (finding.rule === 'plannedBeforeStart' || finding.rule === 'nextYearNotOpen') return { date: formatIsoDate(language, String(p.date)) };
    return p;
  };
  if (findings.length === 0) return <p className="mb-4">{t('trainings.rulesOk')}</p>;
  return (
    <ul className="mb-4 space-y-2">
      {findings.map((finding) => (
        <li key={finding.rule} className="flex flex-wrap items-center gap-2">
          <StatusTag tone={finding.severity === 'hard' ? 'error' : 'warn'}>{t(finding.severity === 'hard' ? 'trainings.hardFinding' : 'trainings.softFinding')}</StatusTag>
          <span>{t(`trainings.findings.${finding.rule}`, params(finding))}</span>
        </li>
      ))}
    </ul>
  );
}
