import { createPublicKey, verify } from 'node:crypto';
import jsonld from 'jsonld';
import { shippedContexts } from '../../server/badges/contexts';

/**
 * Expands a JSON-LD document with the project's shipped contexts only (never the network), in
 * safe mode: a term no context defines fails the expansion instead of being dropped.
 */
export async function expandStrictly(document: object) {
  const documentLoader = async (url: string) => {
    const context = shippedContexts.get(url);
    if (!context) throw new Error(`Context not shipped: ${url}`);
    return { contextUrl: undefined, document: context, documentUrl: url };
  };
  return jsonld.expand(document as jsonld.JsonLdDocument, { documentLoader: documentLoader as never, safe: true } as never);
}

/** Checks a JWS with Node's own crypto (not the library that signed it) against a public JWK. */
export function signatureHolds(jwt: string, jwk: object): boolean {
  const [header, payload, signature] = jwt.split('.');
  const key = createPublicKey({ key: jwk as never, format: 'jwk' });
  return verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(signature ?? '', 'base64url'));
}

export const decodePart = (jwt: string, part: 0 | 1) => JSON.parse(Buffer.from(jwt.split('.')[part]!, 'base64url').toString('utf8'));
