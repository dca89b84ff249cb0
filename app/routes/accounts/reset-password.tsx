import type { Route } from './+types/reset-password';
import { SetPasswordPage } from '../../components/SetPasswordForm';
import { setPasswordAction } from '../../http/set-password-action.server';
import { tokenFromUrl } from '../../http/token.server';
import { useI18n } from '../../i18n/react';
import { resetPassword } from '../../../server/access/password-reset';

export async function loader({ request, context }: Route.LoaderArgs) {
  return tokenFromUrl(request, context, 'password_reset');
}

export async function action({ request, context }: Route.ActionArgs) {
  return setPasswordAction(request, (input) => resetPassword({ db: context.app.db, clock: context.app.clock }, { ...input, ip: context.app.ip }));
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  return (
    <SetPasswordPage
      title={t('passwordReset.resetTitle')}
      intro={t('passwordReset.resetIntro')}
      doneTitle={t('passwordReset.doneTitle')}
      doneText={t('passwordReset.doneText')}
      submit={t('passwordReset.resetSubmit')}
      again={{ to: '/forgot-password', label: t('passwordReset.forgotTitle') }}
      token={loaderData.token}
      problem={actionData ? actionData.problem : loaderData.problem}
      done={actionData?.done ?? false}
      serverState={actionData && !actionData.done && !actionData.problem ? actionData : undefined}
    />
  );
}
