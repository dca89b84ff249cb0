import { data } from 'react-router';
import type { Route } from './+types/pdf';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { requestLanguage } from '../../http/language.server';
import { versionParam } from '../../http/strategy.server';
import { getOrganisation } from '../../../server/organisations/get-organisation';
import { getImage, imageSource } from '../../../server/organisations/images';
import { renderStrategyPdf } from '../../../server/strategy/pdf';
import { getStrategyVersion } from '../../../server/strategy/strategies';

/** A published version to print, with the organisation's logo. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'strategy.read', { organisationId });
  const [version, organisation, logo] = await Promise.all([
    getStrategyVersion(ctx.db, organisationId, requireUuid(params.strategyId), versionParam(params.version)),
    getOrganisation(ctx, organisationId),
    getImage(ctx, organisationId, 'logo'),
  ]);
  if (!version || !organisation) throw data(null, { status: 404 });
  const pdf = await renderStrategyPdf(
    {
      organisationName: organisation.name,
      logo: imageSource(logo),
      firstYear: version.firstYear,
      lastYear: version.lastYear,
      version: version.version,
      publishedAt: version.publishedAt,
      publishedByName: version.publishedByName,
      content: version.content,
    },
    await requestLanguage(request, ctx.actor.language),
  );
  return new Response(Buffer.from(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="koulutusstrategia-${version.firstYear}-${version.lastYear}-v${version.version}.pdf"`, 'Cache-Control': 'private, no-store' },
  });
}
