import type { Route } from './+types/user-approval';
import { ActionRefused } from '../../components/ActionRefused';
import { approvalSchema } from '../../forms/accounts';
import { baseUrl } from '../../http/base-url.server';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { userAction } from '../../http/user-action.server';
import { decideRegistration } from '../../../server/access/decide-registration';

/** Opened directly (not after a refusal), the address only offers the way back. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  await requirePermission(request, context, 'user.approve', { organisationId });
  return { organisationId };
}

export async function action(args: Route.ActionArgs) {
  return userAction(args, 'user.approve', approvalSchema, async (ctx, ids, form) => {
    const approve = form.intent === 'approve';
    const outcome = await decideRegistration(ctx, { ...ids, approve, reason: form.reason ?? '' }, baseUrl(args.context));
    return { outcome, notice: approve ? 'approved' : 'rejected' };
  });
}

export default function UserApproval({ loaderData, actionData }: Route.ComponentProps) {
  return <ActionRefused refusal={actionData} organisationId={loaderData.organisationId} />;
}
