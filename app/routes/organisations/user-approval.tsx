import { redirect } from 'react-router';
import type { Route } from './+types/user-approval';
import { ActionRefused } from '../../components/ActionRefused';
import { approvalSchema } from '../../forms/accounts';
import { baseUrl } from '../../http/base-url.server';
import { userAction } from '../../http/user-action.server';
import { decideRegistration } from '../../../server/access/decide-registration';

export async function loader({ params }: Route.LoaderArgs) {
  return redirect(`/organisations/${params.organisationId}/users`);
}

export async function action(args: Route.ActionArgs) {
  return userAction(args, 'user.approve', approvalSchema, async (ctx, ids, form) => {
    const approve = form.intent === 'approve';
    const outcome = await decideRegistration(ctx, { ...ids, approve, reason: form.reason ?? '' }, baseUrl(args.context));
    return { outcome, notice: approve ? 'approved' : 'rejected' };
  });
}

export default function UserApproval({ actionData }: Route.ComponentProps) {
  return <ActionRefused refusal={actionData} />;
}
