import type { Language } from '../../app/i18n';

const locale = (language: Language) => (language === 'en' ? 'en-GB' : `${language}-FI`);

/** Credits from tenths with one decimal, in the reader's language ("1,5"). */
export const formatCredits = (language: Language, tenths: number) => new Intl.NumberFormat(locale(language), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(tenths / 10);

/** Hours of work from thousandths, with up to three decimals ("40,5 h"). */
export const formatHoursOfWork = (language: Language, thousandths: number) => `${new Intl.NumberFormat(locale(language), { maximumFractionDigits: 3 }).format(thousandths / 1000)} h`;
