import type { AppLoadContext } from 'react-router';
import type { z } from 'zod';
import type { BadgeInput } from '../../server/badges/definitions';
import { badgeUrls } from '../../server/badges/urls';
import type { badgeSchema } from '../forms/badges';
import { baseUrl } from './base-url.server';

export const badgeLinksFor = (context: AppLoadContext) => ({ publicUrl: baseUrl(context) });
export const badgeUrlsFor = (context: AppLoadContext) => badgeUrls(baseUrl(context));

/** The badge form's fields as the domain's localised texts. */
export function badgeInputFrom(form: z.infer<typeof badgeSchema> & { bytes: Uint8Array }): BadgeInput {
  const texts = (field: 'name' | 'description' | 'criteria') => ({ fi: form[`${field}_fi`], sv: form[`${field}_sv`] ?? '', en: form[`${field}_en`] ?? '' });
  return { name: texts('name'), description: texts('description'), criteria: texts('criteria'), image: form.bytes };
}

export function jsonLdResponse(document: unknown): Response {
  return new Response(JSON.stringify(document, null, 2), {
    headers: { 'Content-Type': 'application/ld+json; charset=utf-8', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' },
  });
}
