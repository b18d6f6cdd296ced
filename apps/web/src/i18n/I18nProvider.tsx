import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { dictionaries, type Messages } from './dictionary.ts';
import { browserLanguages, initialLanguage, LANGUAGE_STORAGE_KEY, LOCALE_OF, type Language } from './language.ts';

interface I18n {
  language: Language;
  /** BCP 47 locale for Intl formatting: es-CO or en-US. */
  locale: string;
  t: Messages;
  setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18n | null>(null);

function readStoredChoice(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage can be switched off (private modes, strict settings): fall back to the browser's languages.
    return null;
  }
}

function storeChoice(language: Language) {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered across visits, still applied now.
  }
}

interface I18nProviderProps {
  children: ReactNode;
  /** Tests pin a language; the app reads the stored choice, then the browser's preferences. */
  initial?: Language;
}

export function I18nProvider({ children, initial }: I18nProviderProps) {
  const [language, setLanguageState] = useState<Language>(() => initial ?? initialLanguage(readStoredChoice(), browserLanguages()));

  useEffect(() => {
    // Screen readers pick their voice from it, and the browser its date picker and hyphenation.
    document.documentElement.lang = LOCALE_OF[language];
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    storeChoice(next);
    setLanguageState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({ language, locale: LOCALE_OF[language], t: dictionaries[language], setLanguage }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n must be used inside <I18nProvider>');
  return context;
}
