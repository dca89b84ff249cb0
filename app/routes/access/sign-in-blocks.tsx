import { Form, data } from 'react-router';
import type { Route } from './+types/sign-in-blocks';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { Table } from '../../components/Table';
import { unblockSchema } from '../../forms/accounts';
import { requirePermission } from '../../http/authorize.server';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { writeAudit } from '../../../server/access/audit';
import { clearThrottle, listThrottled } from '../../../server/access/throttle';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'signIn.unblock');
  return { rows: await listThrottled(ctx.db, ctx.clock) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'signIn.unblock');
  const form = await readForm(request, unblockSchema);
  if (!form.ok) throw data(null, { status: 400 });
  await ctx.db.transaction(async (tx) => {
    const cleared = await clearThrottle(tx, form.data.scope, form.data.value);
    await writeAudit(tx, ctx.clock, { action: 'auth.throttleCleared', actorUserId: ctx.actor.userId, details: { ...form.data, cleared }, ip: context.app.ip });
  });
  return { unblocked: form.data.value };
}

export default function SignInBlocks({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime, number } = useI18n();
  return (
    <>
      <title>{`${t('throttling.title')} – ${t('app.name')}`}</title>
      <h1>{t('throttling.title')}</h1>
      <HelpLink area="accounts" />
      {actionData?.unblocked && <Notice tone="ok">{t('throttling.unblocked', { value: actionData.unblocked })}</Notice>}
      <p className="mb-4 max-w-3xl">{t('throttling.intro')}</p>
      {loaderData.rows.length === 0 ? (
        <p>{t('throttling.empty')}</p>
      ) : (
        <Table
          caption={t('throttling.title')}
          rows={loaderData.rows}
          rowKey={(r) => `${r.scope}:${r.value}`}
          columns={[
            { header: t('throttling.scope'), cell: (r) => t(`throttling.scopes.${r.scope}`) },
            { header: t('throttling.value'), cell: (r) => r.value },
            { header: t('throttling.failures'), cell: (r) => number(r.failures), numeric: true },
            { header: t('throttling.lastFailure'), cell: (r) => dateTime(r.lastFailure) },
            {
              header: t('users.actions'),
              cell: (r) => (
                <Form method="post">
                  <input type="hidden" name="scope" value={r.scope} />
                  <input type="hidden" name="value" value={r.value} />
                  <button type="submit" className="rounded border-2 border-brand-600 px-2 py-1 text-sm font-semibold text-brand-700" aria-label={`${t('throttling.unblock')}: ${r.value}`}>
                    {t('throttling.unblock')}
                  </button>
                </Form>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
