import { getCentreSettings } from './settings';
import type { DomainContext } from '../context';
import { centreImageOwner, imageSummaries } from '../organisations/images';

/** The centre's name and its logo's version (for cache-busting links), as public pages show them. */
export async function centreBranding(ctx: DomainContext) {
  const [settings, images] = await Promise.all([getCentreSettings(ctx), imageSummaries(ctx, centreImageOwner)]);
  return { name: settings?.name ?? 'Opintokeskus Sivis', logoVersion: images.find((i) => i.kind === 'logo')?.sha256.slice(0, 12) ?? null };
}

export type CentreBranding = Awaited<ReturnType<typeof centreBranding>>;
