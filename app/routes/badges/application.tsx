import { Link, data, redirect } from 'react-router';
import type { Route } from './+types/application';
import { Notice } from '../../components/Notice';
import { StatusTag } from '../../components/StatusTag';
import { TextArea, ValidatedForm } from '../../components/forms';
import { badgeDecisionSchema } from '../../forms/badges';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { badgeLinksFor } from '../../http/badges.server';
import { fieldRefusal, readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { decideBadgeApplication, getBadgeApplication } from '../../../server/badges/applications';
import { localised } from '../../../server/badges/localised';
import { applicationTone } from './applications';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'badge.review');
  const application = await getBadgeApplication(ctx, requireUuid(params.badgeApplicationId));
  if (!application) throw data(null, { status: 404 });
  const notice = new URL(request.url).searchParams.get('decided');
  return { application, notice: notice === 'approved' || notice === 'rejected' ? notice : null };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'badge.review');
  const applicationId = requireUuid(params.badgeApplicationId);
  const form = await readForm(request, badgeDecisionSchema);
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values }, { status: 400 });
  const approve = form.data.intent === 'approve';
  const result = await decideBadgeApplication(ctx, { applicationId, approve, reason: form.data.reason ?? '' }, badgeLinksFor(context));
  if (!result.ok) {
    if (result.error === 'notFound') throw data(null, { status: 404 });
    return fieldRefusal('_form', { key: result.error }, form.values, 409);
  }
  return redirect(`/badges/applications/${applicationId}?decided=${approve ? 'approved' : 'rejected'}`);
}

export default function BadgeApplication({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime, language } = useI18n();
  const { application } = loaderData;
  return (
    <>
      <title>{`${t('badges.applicationTitle')} – ${application.applicantName} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/badges/applications">{t('badges.applicationsTitle')}</Link>
      </p>
      <h1>
        {application.applicantName}: {localised(application.badgeName, language)}
      </h1>
      {loaderData.notice && <Notice tone="ok">{t(loaderData.notice === 'approved' ? 'badges.approvedNotice' : 'badges.rejectedNotice')}</Notice>}
      <dl className="mb-4 grid max-w-3xl grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t('badges.status')}</dt>
        <dd>
          <StatusTag tone={applicationTone[application.status]}>{t(`badges.statuses.${application.status}`)}</StatusTag>
        </dd>
        <dt className="font-semibold">{t('badges.applicant')}</dt>
        <dd>{`${application.applicantName} (${application.applicantEmail})`}</dd>
        <dt className="font-semibold">{t('badges.organisation')}</dt>
        <dd>{application.organisationName}</dd>
        <dt className="font-semibold">{t('badges.appliedAt')}</dt>
        <dd>{dateTime(application.createdAt)}</dd>
        {application.decidedAt && (
          <>
            <dt className="font-semibold">{t('badges.decidedAt')}</dt>
            <dd>{dateTime(application.decidedAt)}</dd>
          </>
        )}
        {application.reason && (
          <>
            <dt className="font-semibold">{t('badges.reason')}</dt>
            <dd className="whitespace-pre-line">{application.reason}</dd>
          </>
        )}
      </dl>
      <h2>{t('badges.justification')}</h2>
      <p className="mb-4 max-w-3xl whitespace-pre-line">{application.justification}</p>
      {application.status === 'pending' && (
        <section aria-labelledby="decision-title" className="max-w-2xl rounded border border-slate-300 bg-white p-4">
          <h2 id="decision-title" className="mt-0">
            {t('badges.decision')}
          </h2>
          <ValidatedForm method="post" schema={badgeDecisionSchema} serverState={actionData} labels={{ reason: t('badges.reason') }}>
            <TextArea name="reason" label={t('badges.reason')} hint={t('badges.reasonHint')} rows={3} />
            <div className="flex flex-wrap gap-3">
              <button type="submit" name="intent" value="approve" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
                {t('badges.approve')}
              </button>
              <button type="submit" name="intent" value="reject" className="rounded border-2 border-brand-600 px-4 py-2 font-semibold text-brand-700">
                {t('badges.reject')}
              </button>
            </div>
          </ValidatedForm>
        </section>
      )}
    </>
  );
}
