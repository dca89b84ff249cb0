import i18next, { type TFunction } from 'i18next';
import { en } from './en';
import { fi } from './fi';
import { sv } from './sv';

export const languages = ['fi', 'sv', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'fi';

/** The shape every language must have: fi's keys, each a string. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Translation = Shape<typeof fi>;

export const resources = { fi, sv, en } satisfies Record<Language, Translation>;

export const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

/** BCP 47 locales for Intl: Finnish and Swedish as used in Finland. */
export const locales: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
export const timeZone = 'Europe/Helsinki';

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  resources: Object.fromEntries(languages.map((l) => [l, { translation: resources[l] }])),
  lng: defaultLanguage,
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

export type T = TFunction<'translation'>;
export const translator = (language: Language): T => instance.getFixedT(language) as T;

/** For keys chosen at run time (error keys, email templates), which the typed `t` cannot check. */
export function translateDynamic(language: Language, key: string, params?: Record<string, string | number>): string {
  return (instance.getFixedT(language) as unknown as (key: string, params?: object) => string)(key, params);
}

// Building an Intl formatter costs far more than using one: keep one per language and style.
const cachedFormatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let formatter = cachedFormatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = make();
    cachedFormatters.set(key, formatter);
  }
  return formatter;
}

export function formatDateTime(language: Language, value: Date): string {
  return cached(`dateTime:${language}`, () => new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short', timeZone })).format(value);
}
export function formatDate(language: Language, value: Date): string {
  return cached(`date:${language}`, () => new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone })).format(value);
}
export function formatNumber(language: Language, value: number, fractionDigits = 0): string {
  return cached(
    `number:${language}:${fractionDigits}`,
    () => new Intl.NumberFormat(locales[language], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
  ).format(value);
}
