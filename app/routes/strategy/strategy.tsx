import { Form, Link, data, redirect, useLocation } from 'react-router';
import type { Route } from './+types/strategy';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { Table } from '../../components/Table';
import { StrategyForm } from '../../components/strategy/StrategyForm';
import { strategySchema, toStrategyContent } from '../../forms/strategy';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { fieldRefusal, readForm } from '../../http/form.server';
import { formatDateTime } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { getStrategy, publishStrategy, saveStrategyDraft } from '../../../server/strategy/strategies';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'strategy.read', { organisationId });
  const strategy = await getStrategy(ctx.db, organisationId, requireUuid(params.strategyId));
  if (!strategy) throw data(null, { status: 404 });
  const write = can(ctx.actor, 'strategy.write', { organisationId });
  const searchParams = new URL(request.url).searchParams;
  return {
    organisationId,
    strategy: { id: strategy.id, firstYear: strategy.firstYear, lastYear: strategy.lastYear, versions: strategy.versions, savedAt: strategy.draftSavedAt.toISOString(), savedByName: strategy.savedByName },
    // The draft is the admins' working copy; staff read the published versions.
    draft: write ? strategy.draft : null,
    write,
    publishedVersion: Number(searchParams.get('published')) || null,
    saved: searchParams.has('saved'),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const strategyId = requireUuid(params.strategyId);
  const ctx = await requirePermission(request, context, 'strategy.write', { organisationId });
  const form = await readForm(request, strategySchema);
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values }, { status: 400 });
  const content = toStrategyContent(form.data);
  const openedOn = new Date(form.data.draftSavedAt);
  const back = `/organisations/${organisationId}/strategies/${strategyId}`;
  const result = form.data.intent === 'publish' ? await publishStrategy(ctx, organisationId, strategyId, content, openedOn) : await saveStrategyDraft(ctx, organisationId, strategyId, content, openedOn);
  if (!result.ok) {
    if (result.error === 'notFound') throw data(null, { status: 404 });
    // What was typed stays; sent again, it replaces the newer draft knowingly.
    const values = result.error === 'strategy.errors.savedElsewhere' ? { ...form.values, draftSavedAt: result.savedAt.toISOString() } : form.values;
    return fieldRefusal('_form', { key: result.error }, values, 409);
  }
  if ('version' in result) throw redirect(`${back}?published=${result.version}`);
  // Saving by itself (JavaScript, while typing) answers with the time; the button comes back to the page.
  if (form.data.intent === 'autosave') return { ok: true as const, savedAt: result.savedAt.toISOString() };
  throw redirect(`${back}?saved=1`);
}

export default function StrategyPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { organisationId, strategy, draft } = loaderData;
  const base = `/organisations/${organisationId}/strategies/${strategy.id}`;
  const period = `${strategy.firstYear}–${strategy.lastYear}`;
  const refused = actionData && !actionData.ok ? actionData : undefined;
  const location = useLocation();
  const [newest, previous] = strategy.versions;
  return (
    <>
      <title>{`${t('strategy.titleFor', { period })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisationId}/strategies`}>{t('strategy.backToList')}</Link>
      </p>
      <h1>{t('strategy.titleFor', { period })}</h1>
      <HelpLink area="strategy" />
      {loaderData.publishedVersion && !actionData && <Notice tone="ok">{t('strategy.publishedNotice', { version: loaderData.publishedVersion })}</Notice>}
      {loaderData.saved && !actionData && <Notice tone="ok">{t('strategy.savedNotice')}</Notice>}
      <section aria-labelledby="versions" className="mb-8">
        <h2 id="versions">{t('strategy.versions')}</h2>
        {strategy.versions.length === 0 ? (
          <p>{t('strategy.noVersions')}</p>
        ) : (
          <>
            <Table
              caption={t('strategy.versions')}
              rowKey={(v) => String(v.version)}
              rows={strategy.versions}
              columns={[
                { header: t('strategy.version'), cell: (v) => <Link to={`${base}/versions/${v.version}`}>{t('strategy.versionNumber', { version: v.version })}</Link> },
                { header: t('strategy.publishedAt'), cell: (v) => formatDateTime(language, new Date(v.publishedAt)) },
                { header: t('strategy.publishedBy'), cell: (v) => v.publishedByName ?? '–' },
              ]}
            />
            {strategy.versions.length > 1 && (
              <Form method="get" action={`${base}/diff`} className="mt-4 flex flex-wrap items-end gap-3">
                <VersionSelect name="from" label={t('strategy.compareFrom')} versions={strategy.versions} defaultValue={previous!.version} />
                <VersionSelect name="to" label={t('strategy.compareTo')} versions={strategy.versions} defaultValue={newest!.version} />
                <button type="submit" className="rounded border-2 border-brand-600 bg-white px-4 py-2 font-semibold text-brand-700">
                  {t('strategy.compare')}
                </button>
              </Form>
            )}
          </>
        )}
      </section>
      {draft && (
        <section aria-labelledby="draft">
          <h2 id="draft">{t('strategy.draft')}</h2>
          <p className="mb-4 max-w-3xl">{t('strategy.draftIntro')}</p>
          {/* A new form after each navigation (a save, a refusal); saving by itself keeps the one being typed in. */}
          <StrategyForm key={location.key} content={draft} savedAt={strategy.savedAt} serverState={refused} />
        </section>
      )}
    </>
  );
}

function VersionSelect({ name, label, versions, defaultValue }: { name: string; label: string; versions: { version: number }[]; defaultValue: number }) {
  const { t } = useI18n();
  return (
    <div>
      <label htmlFor={`compare-${name}`} className="block font-semibold">
        {label}
      </label>
      <select id={`compare-${name}`} name={name} defaultValue={String(defaultValue)} className="mt-1 rounded border-2 border-slate-600 bg-white px-2 py-2">
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {t('strategy.versionNumber', { version: v.version })}
          </option>
        ))}
      </select>
    </div>
  );
}
