import type { Language } from '../../app/i18n';
import { formatHundredths } from '../hours/format';

/** Cents as euros in the reader's language, with the unit: "1 234,50 €". */
export const formatEuros = (language: Language, cents: number): string => `${formatHundredths(language, cents)} €`;

