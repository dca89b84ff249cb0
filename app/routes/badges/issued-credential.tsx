import { Link, data, redirect } from 'react-router';
import type { Route } from './+types/issued-credential';
import { Notice } from '../../components/Notice';
import { CredentialState } from '../../components/badges/CredentialState';
import { DangerButton, TextArea, ValidatedForm } from '../../components/forms';
import { revokeBadgeSchema } from '../../forms/badges';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { fieldRefusal, readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { getCredential, revokeCredential } from '../../../server/badges/credentials';
import { localised } from '../../../server/badges/localised';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'badge.read');
  const found = await getCredential(ctx.db, requireUuid(params.credentialId));
  if (!found) throw data(null, { status: 404 });
  const { credential, badge } = found;
  return {
    credential: {
      id: credential.id,
      recipientName: credential.recipientName,
      recipientEmail: credential.recipientEmail,
      issuedAt: credential.issuedAt,
      revokedAt: credential.revokedAt,
      revocationReason: credential.revocationReason,
      fromRegister: credential.registerEntryId !== null,
    },
    badge: { id: badge.id, name: badge.name },
    revoked: new URL(request.url).searchParams.has('revoked'),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'badge.review');
  const credentialId = requireUuid(params.credentialId);
  const form = await readForm(request, revokeBadgeSchema);
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values }, { status: 400 });
  const result = await revokeCredential(ctx, { credentialId, reason: form.data.reason });
  if (result === 'notFound') throw data(null, { status: 404 });
  if (result === 'alreadyRevoked') return fieldRefusal('_form', { key: 'badges.alreadyRevoked' }, form.values, 409);
  return redirect(`/badges/issued/${credentialId}?revoked`);
}

export default function IssuedCredential({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime, language } = useI18n();
  const { credential, badge } = loaderData;
  const badgeName = localised(badge.name, language);
  return (
    <>
      <title>{`${badgeName} – ${credential.recipientName} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/badges/issued">{t('badges.issuedTitle')}</Link>
      </p>
      <h1>
        {credential.recipientName}: {badgeName}
      </h1>
      {loaderData.revoked && <Notice tone="ok">{t('badges.revokedNotice')}</Notice>}
      <dl className="mb-4 grid max-w-3xl grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t('badges.recipient')}</dt>
        <dd>{`${credential.recipientName} (${credential.recipientEmail})`}</dd>
        <dt className="font-semibold">{t('badges.issuedAt')}</dt>
        <dd>{dateTime(credential.issuedAt)}</dd>
        <CredentialState revokedAt={credential.revokedAt} staffView={{ revocationReason: credential.revocationReason }} />
      </dl>
      <ul className="mb-4 list-disc pl-6">
        <li>
          <a href={`/badges/credentials/${credential.id}`}>{t('badges.credential.publicPage')}</a>
        </li>
        <li>
          <a href={`/badges/credentials/${credential.id}/badge.png`}>{t('badges.credential.downloadPng')}</a>
        </li>
        <li>
          <a href={`/badges/credentials/${credential.id}/credential.jwt`}>{t('badges.credential.downloadJwt')}</a>
        </li>
      </ul>
      {!credential.revokedAt && (
        <section aria-labelledby="revoke-title" className="max-w-2xl rounded border border-slate-300 bg-white p-4">
          <h2 id="revoke-title" className="mt-0">
            {t('badges.revokeTitle')}
          </h2>
          <p className="mb-2">{t(credential.fromRegister ? 'badges.revokeIntroRegister' : 'badges.revokeIntro')}</p>
          <ValidatedForm method="post" schema={revokeBadgeSchema} serverState={actionData} labels={{ reason: t('badges.revocationReason') }}>
            <TextArea name="reason" label={t('badges.revocationReason')} rows={3} />
            <DangerButton>{t('badges.revoke')}</DangerButton>
          </ValidatedForm>
        </section>
      )}
    </>
  );
}
