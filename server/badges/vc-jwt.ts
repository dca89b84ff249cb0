import { type JWTPayload, SignJWT, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import type { Queryable } from '../db/types';
import { type SigningKey, publicKeys, signingAlgorithm } from './keys';
import type { BadgeUrls } from './urls';

export interface VerifiableCredential {
  '@context': string[];
  id: string;
  type: string[];
  issuer: { id: string; name?: string };
  validFrom: string;
  [property: string]: unknown;
}

/**
 * A credential secured as a VC-JWT as Open Badges 3.0 has it: the payload is the credential with
 * the registered claims (issuer, its id as "jti", not before), the header names the key by the
 * address of its JWK. Served as application/vc+jwt.
 */
export async function signVcJwt(credential: VerifiableCredential, key: SigningKey, urls: BadgeUrls): Promise<string> {
  return new SignJWT({ ...credential } as JWTPayload)
    .setProtectedHeader({ alg: signingAlgorithm, typ: 'JWT', kid: urls.key(key.keyId) })
    .setIssuer(credential.issuer.id)
    .setJti(credential.id)
    .setNotBefore(new Date(credential.validFrom))
    .sign(key.privateKey);
}

/** JWT claims that secure a credential, not part of it (left out where the credential is shown as JSON-LD). */
export const jwtClaims: readonly string[] = ['iss', 'jti', 'nbf', 'iat', 'exp', 'sub'];

export const credentialOfPayload = (payload: object) => Object.fromEntries(Object.entries(payload).filter(([claim]) => !jwtClaims.includes(claim)));

export type VcJwtCheck = { ok: true; credential: VerifiableCredential } | { ok: false; reason: 'notACredential' | 'unknownKey' | 'badSignature' };

/** Checks a VC-JWT against this issuer's own published keys only: anyone else's is not genuine here. */
export async function verifyVcJwt(db: Queryable, jwt: string, urls: BadgeUrls, now: Date): Promise<VcJwtCheck> {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(jwt).kid;
  } catch {
    return { ok: false, reason: 'notACredential' };
  }
  const key = (await publicKeys(db)).find((k) => kid === urls.key(k.keyId));
  if (!key) return { ok: false, reason: 'unknownKey' };
  try {
    const { payload } = await jwtVerify(jwt, await importJWK(key.jwk, signingAlgorithm), { algorithms: [signingAlgorithm], issuer: urls.issuer, currentDate: now });
    const credential = payload as unknown as VerifiableCredential;
    if (!Array.isArray(credential.type) || !credential.type.includes('VerifiableCredential') || payload.jti !== credential.id) return { ok: false, reason: 'notACredential' };
    return { ok: true, credential };
  } catch {
    return { ok: false, reason: 'badSignature' };
  }
}
