import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import openBadgesContext from './contexts/ob-v3p0-context-3.0.3.json';

export const vcContextUrl = 'https://www.w3.org/ns/credentials/v2';
export const openBadgesContextUrl = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/**
 * The JSON-LD contexts our documents use, shipped with the project: a JSON-LD processor is given
 * these and never fetches a context over the network.
 */
export const shippedContexts: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  [vcContextUrl, credentialsContexts.get(vcContextUrl)],
  [openBadgesContextUrl, openBadgesContext],
]);
