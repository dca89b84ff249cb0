import { Link, data, redirect } from 'react-router';
import type { Route } from './+types/organisation';
import { Notice } from '../../components/Notice';
import { StatusTag } from '../../components/StatusTag';
import { ErrorSummary, TextArea, ValidatedForm } from '../../components/forms';
import { applyBadgeSchema } from '../../forms/badges';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { fieldRefusal, readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { applyForBadge, ownBadges } from '../../../server/badges/applications';
import { badgesOpenForApplication } from '../../../server/badges/definitions';
import { localised } from '../../../server/badges/localised';
import { getOrganisation } from '../../../server/organisations/get-organisation';
import { applicationTone } from './applications';

/** An organisation's admin: the badges they can apply for, their applications and their credentials. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'badge.apply', { organisationId });
  const [organisation, open, own] = await Promise.all([getOrganisation(ctx, organisationId), badgesOpenForApplication(ctx.db), ownBadges(ctx)]);
  if (!organisation) throw data(null, { status: 404 });
  const pending = new Set(own.applications.filter((a) => a.status === 'pending').map((a) => a.badgeId));
  const held = new Set(own.credentials.filter((c) => !c.revokedAt).map((c) => c.badgeId));
  return {
    organisation: { id: organisationId, name: organisation.name },
    open: open.map((b) => ({ ...b, state: held.has(b.id) ? ('held' as const) : pending.has(b.id) ? ('pending' as const) : ('open' as const) })),
    applications: own.applications,
    credentials: own.credentials,
    applied: new URL(request.url).searchParams.has('applied'),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'badge.apply', { organisationId });
  const form = await readForm(request, applyBadgeSchema);
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values }, { status: 400 });
  const result = await applyForBadge(ctx, { ...form.data, organisationId });
  if (!result.ok) return fieldRefusal('_form', { key: result.error }, form.values, 409);
  return redirect(`/organisations/${organisationId}/badges?applied`);
}

export default function OrganisationBadges({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime, language } = useI18n();
  const { organisation } = loaderData;
  const failedFor = actionData && !actionData.ok ? actionData.values.badgeId : undefined;
  // A refusal for a badge whose form is not shown (now held or pending, or no such badge) is told above.
  const refusedAbove = actionData && !actionData.ok && !loaderData.open.some((b) => b.id === failedFor && b.state === 'open');
  return (
    <>
      <title>{`${t('badges.orgTitle')} – ${organisation.name} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
      </p>
      <h1>{t('badges.orgTitle')}</h1>
      <p className="mb-4 max-w-3xl">{t('badges.orgIntro')}</p>
      {loaderData.applied && <Notice tone="ok">{t('badges.appliedNotice')}</Notice>}
      {refusedAbove && <ErrorSummary errors={actionData.errors} labels={{ badgeId: t('badges.columns.name'), justification: t('badges.justification') }} />}
      <h2>{t('badges.yourCredentials')}</h2>
      {loaderData.credentials.length === 0 ? (
        <p>{t('badges.noCredentials')}</p>
      ) : (
        <ul className="mb-4 list-disc pl-6">
          {loaderData.credentials.map((c) => (
            <li key={c.id}>
              <a href={`/badges/credentials/${c.id}`}>{localised(c.badgeName, language)}</a> ({dateTime(c.issuedAt)}){' '}
              {c.revokedAt && <StatusTag tone="error">{t('badges.state.revoked')}</StatusTag>}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('badges.openBadges')}</h2>
      {loaderData.open.length === 0 && <p>{t('badges.noneOpen')}</p>}
      {loaderData.open.map((b) => {
        const name = localised(b.name, language);
        return (
          <section key={b.id} aria-labelledby={`badge-${b.id}`} className="mb-4 max-w-3xl rounded border border-slate-300 bg-white p-4">
            <div className="flex flex-wrap items-start gap-4">
              <img src={`/badges/achievements/${b.id}/image.png`} alt="" width={96} height={96} />
              <div className="flex-1">
                <h3 id={`badge-${b.id}`} className="mt-0">
                  {name}
                </h3>
                <p className="mb-2 whitespace-pre-line">{localised(b.description, language)}</p>
                <p className="mb-2">
                  <strong>{t('badges.achievement.criteria')}:</strong> {localised(b.criteria, language)}
                </p>
              </div>
            </div>
            {b.state === 'open' ? (
              <ValidatedForm method="post" schema={applyBadgeSchema} serverState={failedFor === b.id ? actionData : undefined} labels={{ justification: t('badges.justification') }} idPrefix={`apply-${b.id}-`}>
                <input type="hidden" name="badgeId" value={b.id} />
                <TextArea name="justification" label={t('badges.justification')} hint={t('badges.justificationHint')} rows={4} />
                <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
                  {t('badges.apply', { name })}
                </button>
              </ValidatedForm>
            ) : (
              <p>
                <StatusTag tone={b.state === 'held' ? 'ok' : 'warn'}>{t(b.state === 'held' ? 'badges.held' : 'badges.statuses.pending')}</StatusTag>
              </p>
            )}
          </section>
        );
      })}
      {loaderData.applications.length > 0 && (
        <>
          <h2>{t('badges.yourApplications')}</h2>
          <ul className="mb-4 list-disc pl-6">
            {loaderData.applications.map((a) => (
              <li key={a.id}>
                {localised(a.badgeName, language)}, {dateTime(a.createdAt)}: <StatusTag tone={applicationTone[a.status]}>{t(`badges.statuses.${a.status}`)}</StatusTag>
                {a.reason && ` ${t('badges.reason')}: ${a.reason}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
