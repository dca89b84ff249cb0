import type { Route } from './+types/organisation-export';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { statisticsDownload } from '../../http/statistics.server';

/** A table of an organisation's statistics as CSV or XLSX, scoped as the page is. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'statistics.view', { organisationId });
  return statisticsDownload(ctx, request, organisationId);
}
