import type { Route } from './+types/invitation';
import { SetPasswordPage } from '../../components/SetPasswordForm';
import { setPasswordAction } from '../../http/set-password-action.server';
import { tokenFromUrl } from '../../http/token.server';
import { useI18n } from '../../i18n/react';
import { acceptInvitation } from '../../../server/access/accept-invitation';

export async function loader({ request, context }: Route.LoaderArgs) {
  return tokenFromUrl(request, context, 'invitation');
}

export async function action({ request, context }: Route.ActionArgs) {
  return setPasswordAction(request, (input) => acceptInvitation({ db: context.app.db, clock: context.app.clock }, input));
}

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  return (
    <SetPasswordPage
      title={t('invitation.acceptTitle')}
      intro={t('invitation.acceptIntro')}
      doneTitle={t('invitation.acceptedTitle')}
      doneText={t('invitation.acceptedText')}
      submit={t('invitation.acceptSubmit')}
      again={{ to: '/login', label: t('auth.signInTitle') }}
      token={loaderData.token}
      problem={actionData ? actionData.problem : loaderData.problem}
      done={actionData?.done ?? false}
      serverState={actionData && !actionData.done && !actionData.problem ? actionData : undefined}
    />
  );
}
