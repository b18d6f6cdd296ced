/** The interface languages, each with the locale its dates and numbers are written in. */
export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LOCALE_OF: Record<Language, string> = { es: 'es-CO', en: 'en-US' };

/** The language a booking is stored with (the API's `language`): what the guest's e-mails are written in. */
export const bookingLanguageOf = (language: Language): 'es-CO' | 'en' => (language === 'es' ? 'es-CO' : 'en');

/** For browsers that prefer neither language: visitors from abroad read English more often than Spanish. */
export const FALLBACK_LANGUAGE: Language = 'en';

export const LANGUAGE_STORAGE_KEY = 'tablebook.language';

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** The first supported language among the browser's preferences (`navigator.languages`, in order). */
export function pickLanguage(preferences: readonly string[]): Language {
  for (const tag of preferences) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return FALLBACK_LANGUAGE;
}

/** A choice made with the language switch wins; otherwise the browser's preferences decide. */
export function initialLanguage(storedChoice: string | null | undefined, preferences: readonly string[]): Language {
  return isLanguage(storedChoice) ? storedChoice : pickLanguage(preferences);
}

/** The browser's language preferences, most preferred first. */
export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}
