import type { Language } from '../../app/i18n';
import type { LocalisedText } from '../db/schema/badges';

/** The text in a language, Finnish where that language was left empty. */
export const localised = (text: LocalisedText, language: Language) => text[language]?.trim() || text.fi;
