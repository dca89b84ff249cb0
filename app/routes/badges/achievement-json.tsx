import { data } from 'react-router';
import type { Route } from './+types/achievement-json';
import { requireUuid } from '../../http/authorize.server';
import { badgeUrlsFor, jsonLdResponse } from '../../http/badges.server';
import { requestLanguage } from '../../http/language.server';
import { getBadge } from '../../../server/badges/definitions';
import { achievementDocument } from '../../../server/badges/documents';
import { centreBranding } from '../../../server/centre/branding';

/** A badge's achievement as JSON-LD, in the language the client asks for (its page's address answers it by content negotiation). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const ctx = { db: context.app.db, clock: context.app.clock };
  const badge = await getBadge(ctx.db, requireUuid(params.badgeId));
  if (!badge) throw data(null, { status: 404 });
  const centre = await centreBranding(ctx);
  return jsonLdResponse(achievementDocument(badge, badgeUrlsFor(context), centre.name, await requestLanguage(request)));
}
