import type { Language } from '../../app/i18n';
import { openBadgesContextUrl, vcContextUrl } from './contexts';
import { type BadgeFacts, achievementOf } from './documents';
import { localised } from './localised';
import { hashedRecipient } from './recipient';
import { statusListOf, statusListSize } from './status-list';
import type { BadgeUrls } from './urls';
import type { VerifiableCredential } from './vc-jwt';

/** An OpenBadgeCredential (VC data model 2.0): the recipient by a salted hash of their email only. */
export function buildCredential(input: {
  id: string;
  badge: BadgeFacts;
  recipientEmail: string;
  issuedAt: Date;
  statusListIndex: number;
  issuerName: string;
  language: Language;
  urls: BadgeUrls;
}): VerifiableCredential {
  const { urls } = input;
  const issuer = { id: urls.issuer, type: ['Profile'], name: input.issuerName };
  const list = statusListOf(input.statusListIndex);
  const position = input.statusListIndex - list * statusListSize;
  return {
    '@context': [vcContextUrl, openBadgesContextUrl],
    id: urls.credential(input.id),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer,
    validFrom: input.issuedAt.toISOString(),
    name: localised(input.badge.name, input.language),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [hashedRecipient(input.recipientEmail)],
      achievement: achievementOf(input.badge, urls, issuer, input.language),
    },
    credentialStatus: {
      id: `${urls.statusList(list)}#${position}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(position),
      statusListCredential: urls.statusList(list),
    },
  };
}
