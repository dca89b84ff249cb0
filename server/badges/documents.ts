import type { Language } from '../../app/i18n';
import type { LocalisedText } from '../db/schema';
import { openBadgesContextUrl, vcContextUrl } from './contexts';
import { localised } from './localised';
import type { BadgeUrls } from './urls';

export interface BadgeFacts {
  id: string;
  name: LocalisedText;
  description: LocalisedText;
  criteria: LocalisedText;
}

/** The Open Badges achievement of a badge, in one language. */
export function achievementOf(badge: BadgeFacts, urls: BadgeUrls, issuer: { id: string; name: string }, language: Language) {
  return {
    id: urls.achievement(badge.id),
    type: ['Achievement'],
    name: localised(badge.name, language),
    description: localised(badge.description, language),
    criteria: { narrative: localised(badge.criteria, language) },
    image: { id: urls.image(badge.id), type: 'Image' },
    creator: { id: issuer.id, type: ['Profile'], name: issuer.name },
    inLanguage: language,
  };
}

export const achievementDocument = (badge: BadgeFacts, urls: BadgeUrls, issuerName: string, language: Language) => ({
  '@context': [vcContextUrl, openBadgesContextUrl],
  ...achievementOf(badge, urls, { id: urls.issuer, name: issuerName }, language),
});

/** Terms of the security vocabulary the key's description needs; the shipped contexts lack them. */
const keyTerms = {
  verificationMethod: { '@id': 'https://w3id.org/security#verificationMethod', '@type': '@id', '@container': '@set' },
  JsonWebKey: 'https://w3id.org/security#JsonWebKey',
  controller: { '@id': 'https://w3id.org/security#controller', '@type': '@id' },
  publicKeyJwk: { '@id': 'https://w3id.org/security#publicKeyJwk', '@type': '@json' },
};

/** The issuer's profile: who issues the badges, with every public key that signs them. */
export function issuerProfile(urls: BadgeUrls, issuer: { name: string; url: string }, keys: { keyId: string; jwk: object }[]) {
  return {
    '@context': [vcContextUrl, openBadgesContextUrl, keyTerms],
    id: urls.issuer,
    type: ['Profile'],
    name: issuer.name,
    url: issuer.url,
    verificationMethod: keys.map((k) => ({ id: urls.key(k.keyId), type: 'JsonWebKey', controller: urls.issuer, publicKeyJwk: k.jwk })),
  };
}
