import { data, redirect } from 'react-router';
import type { AppLoadContext } from 'react-router';
import type { z } from 'zod';
import type { Action } from '../../server/access/actions';
import type { ActorContext } from '../../server/context';
import { requirePermission, requireUuid } from './authorize.server';
import { readForm } from './form.server';

type DomainOutcome = { ok: true } | { ok: false; error: 'notFound' } | { ok: false; error: 'forbidden' | 'conflict'; message: string };

/**
 * An action on one user of an organisation (approve, deactivate …): authorise, parse, run, then go
 * back to the user list with a notice; a refusal answers 400/403/409 with its reason on the page.
 */
export async function userAction<S extends z.ZodObject>(
  args: { request: Request; context: AppLoadContext; params: { organisationId?: string; userId?: string } },
  action: Action,
  schema: S,
  run: (ctx: ActorContext, ids: { organisationId: string; userId: string }, form: z.infer<S>) => Promise<{ outcome: DomainOutcome; notice: string }>,
) {
  const organisationId = requireUuid(args.params.organisationId);
  const ctx = await requirePermission(args.request, args.context, action, { organisationId });
  const userId = requireUuid(args.params.userId);
  const form = await readForm(args.request, schema);
  if (!form.ok) return data({ message: 'forms.invalidValue', organisationId }, { status: 400 });
  const { outcome, notice } = await run(ctx, { organisationId, userId }, form.data);
  if (outcome.ok) return redirect(`/organisations/${organisationId}/users?notice=${notice}`);
  if (outcome.error === 'notFound') throw data(null, { status: 404 });
  return data({ message: outcome.message, organisationId }, { status: outcome.error === 'forbidden' ? 403 : 409 });
}
