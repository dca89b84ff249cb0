declare module '@digitalbazaar/credentials-context' {
  /** The W3C credentials contexts by their URL. */
  export const contexts: Map<string, unknown>;
}
