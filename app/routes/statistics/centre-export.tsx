import type { Route } from './+types/centre-export';
import { requirePermission } from '../../http/authorize.server';
import { statisticsDownload } from '../../http/statistics.server';

/** A table of the centre's statistics as CSV or XLSX. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'statistics.centre');
  return statisticsDownload(ctx, request, null);
}
