// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useI18n, I18nProvider } from '../src/i18n/I18nProvider.tsx';
import { LANGUAGE_STORAGE_KEY } from '../src/i18n/language.ts';
import { LanguageSwitch } from '../src/i18n/LanguageSwitch.tsx';
import { formatDay } from '../src/lib/days.ts';

function preferLanguages(languages: string[]) {
  Object.defineProperty(window.navigator, 'languages', { value: languages, configurable: true });
}

/** A heading and a date, the two things a language choice changes. */
function Sample() {
  const { t, locale } = useI18n();
  return (
    <>
      <h1>{t.find.title}</h1>
      <p>{formatDay('2026-12-24', locale)}</p>
      <LanguageSwitch />
    </>
  );
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the language switch', () => {
  it("starts in the browser's language, dates included", () => {
    preferLanguages(['es-CO', 'en']);
    render(
      <I18nProvider>
        <Sample />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Buscar mesa');
    expect(screen.getByText('jueves, 24 de diciembre de 2026')).toBeTruthy();
    expect(document.documentElement.lang).toBe('es-CO');
    expect(screen.getByRole('group', { name: 'Idioma' })).toBeTruthy();
  });

  it('switches the whole interface, and remembers the choice', () => {
    preferLanguages(['es-CO']);
    render(
      <I18nProvider>
        <Sample />
      </I18nProvider>,
    );
    const english = screen.getByRole('button', { name: 'English' });
    expect(english.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(english);
    expect(screen.getByRole('heading').textContent).toBe('Find a table');
    expect(screen.getByText('Thursday, December 24, 2026')).toBeTruthy();
    expect(english.getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en-US');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    cleanup();
    render(
      <I18nProvider>
        <Sample />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Find a table');
  });

  it('names each choice in its own language', () => {
    preferLanguages(['en-US']);
    render(
      <I18nProvider>
        <LanguageSwitch />
      </I18nProvider>,
    );
    expect(screen.getByRole('button', { name: 'Español' }).getAttribute('lang')).toBe('es-CO');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('lang')).toBe('en-US');
  });
});
