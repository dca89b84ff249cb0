import type { Route } from './+types/user-activation';
import { ActionRefused } from '../../components/ActionRefused';
import { activationSchema } from '../../forms/accounts';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { userAction } from '../../http/user-action.server';
import { setUserActive } from '../../../server/access/set-user-active';

/** Opened directly (not after a refusal), the address only offers the way back. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  await requirePermission(request, context, 'user.deactivate', { organisationId });
  return { organisationId };
}

export async function action(args: Route.ActionArgs) {
  return userAction(args, 'user.deactivate', activationSchema, async (ctx, ids, form) => {
    const active = form.intent === 'reactivate';
    return { outcome: await setUserActive(ctx, { ...ids, active }), notice: active ? 'reactivated' : 'deactivated' };
  });
}

export default function UserActivation({ loaderData, actionData }: Route.ComponentProps) {
  return <ActionRefused refusal={actionData} organisationId={loaderData.organisationId} />;
}
