import { type ReactNode, createContext, useContext, useMemo } from 'react';
import { type Language, type T, formatDate, formatDateTime, formatNumber, translator } from './index';

interface I18n {
  language: Language;
  t: T;
  dateTime(value: Date): string;
  date(value: Date): string;
  number(value: number, fractionDigits?: number): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({
      language,
      t: translator(language),
      dateTime: (d) => formatDateTime(language, d),
      date: (d) => formatDate(language, d),
      number: (n, digits) => formatNumber(language, n, digits),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
