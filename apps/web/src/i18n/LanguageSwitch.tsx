import { useI18n } from './I18nProvider.tsx';
import { LANGUAGES, LOCALE_OF } from './language.ts';
import { dictionaries } from './dictionary.ts';

/** Both choices always visible, each written in its own language so a lost reader can find theirs. */
export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <fieldset className="language-switch" aria-label={t.app.languageSwitch}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={LOCALE_OF[option]}
          className="language-switch__option"
          aria-pressed={option === language}
          onClick={() => setLanguage(option)}
        >
          <span aria-hidden="true">{option.toUpperCase()}</span>
          <span className="visually-hidden">{dictionaries[option].languageName}</span>
        </button>
      ))}
    </fieldset>
  );
}
