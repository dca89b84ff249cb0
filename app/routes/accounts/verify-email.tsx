import { Form, data } from 'react-router';
import type { Route } from './+types/verify-email';
import { Notice } from '../../components/Notice';
import { TokenProblem } from '../../components/TokenProblem';
import { SubmitButton } from '../../components/forms';
import { tokenSchema } from '../../forms/accounts';
import { baseUrl } from '../../http/base-url.server';
import { readForm } from '../../http/form.server';
import { tokenFromUrl } from '../../http/token.server';
import { useI18n } from '../../i18n/react';
import { verifyEmail } from '../../../server/access/verify-email';

/** Opening the link only shows a button: state changes on POST, never on GET. */
export async function loader({ request, context }: Route.LoaderArgs) {
  return tokenFromUrl(request, context, 'email_verification');
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request, tokenSchema);
  if (!form.ok) return data({ done: false as const, problem: 'invalid' as const }, { status: 400 });
  const result = await verifyEmail({ db: context.app.db, clock: context.app.clock }, form.data.token, baseUrl(context));
  return result.ok ? { done: true as const, problem: null } : data({ done: false as const, problem: result.reason }, { status: 400 });
}

export default function VerifyEmail({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const problem = actionData?.problem ?? (actionData?.done ? null : loaderData.problem);
  return (
    <>
      <title>{`${t('registration.verifyTitle')} – ${t('app.name')}`}</title>
      <h1>{actionData?.done ? t('registration.verifiedTitle') : t('registration.verifyTitle')}</h1>
      {actionData?.done ? (
        <Notice tone="ok">{t('registration.verifiedText')}</Notice>
      ) : problem ? (
        <TokenProblem reason={problem} again={{ to: '/register', label: t('auth.register') }} />
      ) : (
        <Form method="post">
          <p className="mb-4">{t('registration.verifyText')}</p>
          <input type="hidden" name="token" value={loaderData.token ?? ''} />
          <SubmitButton>{t('registration.verifySubmit')}</SubmitButton>
        </Form>
      )}
    </>
  );
}
