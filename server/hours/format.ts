import { type Language, formatNumber } from '../../app/i18n';

/** Hours from hundredths, with only the decimals needed: "120", "12,5", "0,25". */
export function formatHours(language: Language, hundredths: number): string {
  const digits = hundredths % 100 === 0 ? 0 : hundredths % 10 === 0 ? 1 : 2;
  return formatNumber(language, hundredths / 100, digits);
}

/** Hundredths with exactly two decimals ("4,33"): a training's teaching hours as the spec shows them, euros, percentages. */
export const formatHundredths = (language: Language, hundredths: number): string => formatNumber(language, hundredths / 100, 2);

/** Hours for an input field: no digit grouping, so that the value can be sent back as it is. */
export function formatHoursInput(language: Language, hundredths: number): string {
  const text = String(hundredths / 100);
  return language === 'en' ? text : text.replace('.', ',');
}
