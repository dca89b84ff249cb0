import type { AppLoadContext } from 'react-router';

/** Where emailed links point: PUBLIC_URL, or this server's own address. */
export const baseUrl = (context: AppLoadContext) => context.app.config.publicUrl;
