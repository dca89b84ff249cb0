import { Link, data, redirect } from 'react-router';
import type { Route } from './+types/version';
import { Notice } from '../../components/Notice';
import { StrategyView } from '../../components/strategy/StrategyView';
import { SubmitButton, TextArea, ValidatedForm } from '../../components/forms';
import { strategyCommentSchema } from '../../forms/strategy';
import { baseUrl } from '../../http/base-url.server';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { fieldRefusal, readForm } from '../../http/form.server';
import { versionParam } from '../../http/strategy.server';
import { formatDateTime } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { getOrganisation } from '../../../server/organisations/get-organisation';
import { commentStrategy, getStrategyVersion } from '../../../server/strategy/strategies';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'strategy.read', { organisationId });
  const strategyId = requireUuid(params.strategyId);
  const [version, organisation] = await Promise.all([getStrategyVersion(ctx.db, organisationId, strategyId, versionParam(params.version)), getOrganisation(ctx, organisationId)]);
  if (!version || !organisation) throw data(null, { status: 404 });
  return {
    organisationId,
    strategyId,
    version,
    // Staff read the strategy; the conversation about it is the organisation's centre contact's.
    comment: organisation.centreContactUserId === ctx.actor.userId,
    commented: new URL(request.url).searchParams.has('commented'),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'strategy.comment', { organisationId });
  const strategyId = requireUuid(params.strategyId);
  const versionNumber = versionParam(params.version);
  const form = await readForm(request, strategyCommentSchema);
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values }, { status: 400 });
  const result = await commentStrategy(ctx, organisationId, strategyId, versionNumber, form.data.comment, { publicUrl: baseUrl(context) });
  if (!result.ok) {
    if (result.error === 'notFound') throw data(null, { status: 404 });
    return fieldRefusal('comment', { key: result.error }, form.values, 403);
  }
  throw redirect(`/organisations/${organisationId}/strategies/${strategyId}/versions/${versionNumber}?commented=1`);
}

export default function StrategyVersionPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { organisationId, strategyId, version } = loaderData;
  const base = `/organisations/${organisationId}/strategies/${strategyId}`;
  const period = `${version.firstYear}–${version.lastYear}`;
  return (
    <>
      <title>{`${t('strategy.titleFor', { period })}, ${t('strategy.versionNumber', { version: version.version })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={base}>{t('strategy.backToStrategy', { period })}</Link>
      </p>
      <h1>{t('strategy.titleFor', { period })}</h1>
      <p className="mb-2">{t('strategy.versionLine', { version: version.version, date: formatDateTime(language, new Date(version.publishedAt)), name: version.publishedByName || '–' })}</p>
      <p className="mb-6">
        <a href={`${base}/versions/${version.version}/pdf`} className="font-semibold">
          {t('strategy.print')}
        </a>
      </p>
      {loaderData.commented && !actionData && <Notice tone="ok">{t('strategy.commentedNotice')}</Notice>}
      <StrategyView content={version.content} />
      <section aria-labelledby="comments" className="max-w-3xl">
        <h2 id="comments">{t('strategy.comments')}</h2>
        {version.comments.length === 0 ? (
          <p className="mb-4">{t('strategy.noComments')}</p>
        ) : (
          <ol className="mb-4 space-y-3">
            {version.comments.map((c) => (
              <li key={c.id} className="rounded border border-slate-300 bg-white p-3">
                <p className="mb-1 text-sm text-slate-700">{`${c.authorName ?? '–'}, ${formatDateTime(language, new Date(c.at))}`}</p>
                <p className="whitespace-pre-line">{c.body}</p>
              </li>
            ))}
          </ol>
        )}
        {loaderData.comment && (
          <ValidatedForm method="post" schema={strategyCommentSchema} serverState={actionData && !actionData.ok ? actionData : undefined} labels={{ comment: t('strategy.comment') }}>
            <TextArea name="comment" label={t('strategy.comment')} hint={t('strategy.commentHint')} rows={4} />
            <SubmitButton>{t('strategy.sendComment')}</SubmitButton>
          </ValidatedForm>
        )}
      </section>
    </>
  );
}
