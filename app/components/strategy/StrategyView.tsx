import { useI18n } from '../../i18n/react';
import { Table } from '../Table';
import { type StrategyContent, strategySections } from '../../../server/strategy/content';

/** A published version as it reads: every part under its heading, the development targets as a table. */
export function StrategyView({ content }: { content: StrategyContent }) {
  const { t } = useI18n();
  const part = (section: (typeof strategySections)[number]) => (
    <section key={section} className="mb-6 max-w-3xl">
      <h2>{t(`strategy.sections.${section}`)}</h2>
      <p className="whitespace-pre-line">{content[section] || '–'}</p>
    </section>
  );
  return (
    <>
      {strategySections.slice(0, 3).map(part)}
      <section className="mb-6">
        <h2>{t('strategy.sections.targets')}</h2>
        {content.targets.length === 0 ? (
          <p>–</p>
        ) : (
          <Table
            caption={t('strategy.sections.targets')}
            rowKey={(target) => String(content.targets.indexOf(target))}
            rows={content.targets}
            columns={[
              { header: t('strategy.fields.targetText'), cell: (target) => target.target },
              { header: t('strategy.fields.targetMeasure'), cell: (target) => target.measure || '–' },
              { header: t('strategy.fields.targetOwner'), cell: (target) => target.owner || '–' },
              { header: t('strategy.fields.targetTimetable'), cell: (target) => target.timetable || '–' },
            ]}
          />
        )}
      </section>
      {strategySections.slice(3).map(part)}
    </>
  );
}
