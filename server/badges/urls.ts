/** The public addresses of the badge machinery, from the system's public URL. */
export function badgeUrls(publicUrl: string) {
  const base = `${publicUrl}/badges`;
  return {
    issuer: `${base}/issuer`,
    /** A public key's address, where it is served as a JWK (a VC-JWT's "kid"). */
    key: (keyId: string) => `${base}/keys/${keyId}`,
    achievement: (badgeId: string) => `${base}/achievements/${badgeId}`,
    image: (badgeId: string) => `${base}/achievements/${badgeId}/image.png`,
    credential: (credentialId: string) => `${base}/credentials/${credentialId}`,
    credentialFile: (credentialId: string, file: 'badge.png' | 'credential.jwt') => `${base}/credentials/${credentialId}/${file}`,
    statusList: (list: number) => `${base}/status/${list}`,
    /** The list's number from its address, or null for any other address. */
    statusListNumber: (url: string) => (url.startsWith(`${base}/status/`) && /^\d{1,6}$/.test(url.slice(base.length + 8)) ? Number(url.slice(base.length + 8)) : null),
    verify: `${base}/verify`,
  };
}

export type BadgeUrls = ReturnType<typeof badgeUrls>;

export interface BadgeLinks {
  publicUrl: string;
}
