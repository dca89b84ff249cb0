import { Link, data } from 'react-router';
import type { Route } from './+types/diff';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { versionParam } from '../../http/strategy.server';
import { useI18n } from '../../i18n/react';
import { diffStrategies } from '../../../server/strategy/diff';
import { getStrategy, getStrategyVersion } from '../../../server/strategy/strategies';

/** What changed between any two published versions (?from=1&to=3; by default the latest and the one before), part by part. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'strategy.read', { organisationId });
  const strategyId = requireUuid(params.strategyId);
  const query = new URL(request.url).searchParams;
  const strategy = await getStrategy(ctx.db, organisationId, strategyId);
  const latest = strategy?.versions[0]?.version ?? 0;
  const toNumber = query.has('to') ? versionParam(query.get('to')) : latest;
  const fromNumber = query.has('from') ? versionParam(query.get('from')) : toNumber - 1;
  const [from, to] = await Promise.all([getStrategyVersion(ctx.db, organisationId, strategyId, fromNumber), getStrategyVersion(ctx.db, organisationId, strategyId, toNumber)]);
  if (!from || !to) throw data(null, { status: 404 });
  return { organisationId, strategyId, period: `${from.firstYear}–${from.lastYear}`, from: from.version, to: to.version, sections: diffStrategies(from.content, to.content) };
}

export default function StrategyDiffPage({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { organisationId, strategyId, period, from, to, sections } = loaderData;
  const base = `/organisations/${organisationId}/strategies/${strategyId}`;
  return (
    <>
      <title>{`${t('strategy.diffTitle', { from, to })}: ${t('strategy.titleFor', { period })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={base}>{t('strategy.backToStrategy', { period })}</Link>
      </p>
      <h1>{t('strategy.diffTitle', { from, to })}</h1>
      <p className="mb-6 max-w-3xl">{t('strategy.diffIntro')}</p>
      {sections.every((s) => !s.changed) && <p className="mb-6">{t('strategy.noChanges')}</p>}
      {sections.map((section) => (
        <section key={section.section} className="mb-6 max-w-3xl">
          <h2>
            {t(`strategy.sections.${section.section}`)}
            {!section.changed && <span className="ml-2 text-base font-normal text-slate-700">({t('strategy.unchanged')})</span>}
          </h2>
          <p className="whitespace-pre-line">
            {section.parts.map((part, i) =>
              part.change === 'added' ? (
                <ins key={i} className="bg-green-100 text-green-900 underline">
                  <span className="sr-only">{t('strategy.addedText')} </span>
                  {part.text}
                </ins>
              ) : part.change === 'removed' ? (
                <del key={i} className="bg-red-100 text-red-900 line-through">
                  <span className="sr-only">{t('strategy.removedText')} </span>
                  {part.text}
                </del>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
          </p>
        </section>
      ))}
    </>
  );
}
