import { data } from 'react-router';
import type { AppLoadContext } from 'react-router';
import { type Action, organisationWrites } from '../../server/access/actions';
import { isMembershipEnded } from '../../server/organisations/membership';
import { type Target, decide } from '../../server/access/permissions';
import type { ActorContext } from '../../server/context';
import { requireSession } from './session.server';

/**
 * The first call of every protected loader and action: signs in, then answers 404 for another
 * organisation's resource and 403 for a forbidden action on one's own.
 */
export async function requirePermission(
  request: Request,
  context: AppLoadContext,
  action: Action,
  target: Target = {},
): Promise<ActorContext & { tokenHash: string }> {
  const session = await requireSession(request, context);
  const decision = decide(session.actor, action, target);
  if (decision === 'notFound') throw data(null, { status: 404 });
  if (decision === 'forbidden') throw data(null, { status: 403 });
  const ctx = { db: context.app.db, clock: context.app.clock, actor: session.actor, tokenHash: session.tokenHash };
  // An ended organisation stays readable, but nothing in it changes any more.
  if (request.method !== 'GET' && target.organisationId && organisationWrites.has(action) && (await isMembershipEnded(ctx, target.organisationId))) {
    throw data(null, { status: 403 });
  }
  return ctx;
}

export const isUuid = (value: string | null | undefined): value is string => !!value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** Ids in URLs are UUIDs; anything else cannot exist. */
export function requireUuid(value: string | undefined): string {
  if (!isUuid(value)) throw data(null, { status: 404 });
  return value.toLowerCase();
}

export function pageParam(request: Request): number {
  const raw = new URL(request.url).searchParams.get('page');
  const page = raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.max(1, page);
}
