import { createHash, randomBytes } from 'node:crypto';

/** Open Badges' hashed identity: "sha256$" and the hex SHA-256 of the lower-case email followed by the salt. */
export function identityHash(email: string, salt: string): string {
  return `sha256$${createHash('sha256').update(email.trim().toLowerCase() + salt).digest('hex')}`;
}

/** The recipient as the credential carries them: never the email itself. */
export function hashedRecipient(email: string) {
  const salt = randomBytes(16).toString('hex');
  return { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: identityHash(email, salt), salt };
}
