import { redirect } from 'react-router';
import type { Route } from './+types/user-activation';
import { ActionRefused } from '../../components/ActionRefused';
import { activationSchema } from '../../forms/accounts';
import { userAction } from '../../http/user-action.server';
import { setUserActive } from '../../../server/access/set-user-active';

export async function loader({ params }: Route.LoaderArgs) {
  return redirect(`/organisations/${params.organisationId}/users`);
}

export async function action(args: Route.ActionArgs) {
  return userAction(args, 'user.deactivate', activationSchema, async (ctx, ids, form) => {
    const active = form.intent === 'reactivate';
    return { outcome: await setUserActive(ctx, { ...ids, active }), notice: active ? 'reactivated' : 'deactivated' };
  });
}

export default function UserActivation({ actionData }: Route.ComponentProps) {
  return <ActionRefused refusal={actionData} />;
}
