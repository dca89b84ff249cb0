import { data } from 'react-router';
import type { Route } from './+types/feed';
import { isUuid } from '../../http/authorize.server';
import { baseUrl } from '../../http/base-url.server';
import { isLanguage } from '../../i18n';
import { organisationIcsFeed, organisationJsonFeed } from '../../../server/trainings/feeds';

/**
 * An organisation's public trainings for its own website: trainings.json (read by a script, so
 * open to every origin) or trainings.ics (subscribed by calendar programs). ?lang=sv|en for the texts.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  if (!isUuid(params.organisationId) || (params.file !== 'trainings.json' && params.file !== 'trainings.ics')) throw data(null, { status: 404 });
  const lang = new URL(request.url).searchParams.get('lang');
  const language = isLanguage(lang) ? lang : 'fi';
  const ctx = { db: context.app.db, clock: context.app.clock };
  const links = { publicUrl: baseUrl(context) };
  const organisationId = params.organisationId.toLowerCase();
  const shared = { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' };
  if (params.file === 'trainings.json') {
    const feed = await organisationJsonFeed(ctx, organisationId, language, links);
    if (!feed) throw data(null, { status: 404 });
    return new Response(JSON.stringify(feed), { headers: { ...shared, 'Content-Type': 'application/json; charset=utf-8' } });
  }
  const ics = await organisationIcsFeed(ctx, organisationId, language, links);
  if (ics === null) throw data(null, { status: 404 });
  return new Response(ics, { headers: { ...shared, 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'inline; filename="trainings.ics"' } });
}
