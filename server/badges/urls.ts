/** The public addresses of the badge machinery, from the system's public URL. */
export function badgeUrls(publicUrl: string) {
  const base = `${publicUrl}/badges`;
  return {
    issuer: `${base}/issuer`,
    /** A key's id: the issuer profile's address with the key id as its fragment. */
    key: (keyId: string) => `${base}/issuer#${keyId}`,
    achievement: (badgeId: string) => `${base}/achievements/${badgeId}`,
    image: (badgeId: string) => `${base}/achievements/${badgeId}/image.png`,
    credential: (credentialId: string) => `${base}/credentials/${credentialId}`,
    credentialFile: (credentialId: string, file: 'badge.png' | 'credential.jwt') => `${base}/credentials/${credentialId}/${file}`,
    statusList: (list: number) => `${base}/status/${list}`,
    /** The list's number from its address, or null for any other address. */
    statusListNumber: (url: string) => (url.startsWith(`${base}/status/`) && /^\d{1,9}$/.test(url.slice(base.length + 8)) ? Number(url.slice(base.length + 8)) : null),
    verify: `${base}/verify`,
  };
}

export type BadgeUrls = ReturnType<typeof badgeUrls>;

export interface BadgeLinks {
  publicUrl: string;
}
