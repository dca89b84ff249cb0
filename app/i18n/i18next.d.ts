import type { fi } from './fi';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof fi };
  }
}
