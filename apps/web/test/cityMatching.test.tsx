// @vitest-environment jsdom
/**
 * Issue 16: "the city picker keeps the match that was typed (exact matches first, the typed text never
 * discarded)", against its defects: "Bogot" + Enter selected "Any city"; "Cartagena" + down + Enter picked
 * "Cartagena del Chairá".
 */
import type { CityOutput } from '@tablebook/api/shared';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CityCombobox } from '../src/features/cities/CityCombobox.tsx';
import { enterChoice, groupMatches, matchCities, typedCity } from '../src/features/cities/cityGroups.ts';
import { I18nProvider } from '../src/i18n/I18nProvider.tsx';

afterEach(cleanup);

// Names and departments as the API has them (migration 0001), with the same ids.
const cities: CityOutput[] = [
  { id: 357, name: 'Cartagena del Chairá', deptName: 'Caquetá' },
  { id: 167, name: 'Cartagena de Indias', deptName: 'Bolívar' },
  { id: 495, name: 'Bogotá', deptName: 'Cundinamarca' },
  { id: 496, name: 'Chía', deptName: 'Cundinamarca' },
  { id: 1, name: 'Leticia', deptName: 'Amazonas' },
  { id: 2, name: 'Medellín', deptName: 'Antioquia' },
  { id: 3, name: 'Armenia', deptName: 'Antioquia' },
  { id: 4, name: 'Armenia', deptName: 'Quindío' },
  { id: 5, name: 'San Andrés', deptName: 'Archipiélago de San Andrés, Providencia y Santa Catalina' },
  { id: 6, name: 'Santa Rosa de Osos', deptName: 'Antioquia' },
  { id: 7, name: 'Puerto Santander', deptName: 'Amazonas' },
  { id: 8, name: 'Bucaramanga', deptName: 'Santander' },
];
const names = (list: CityOutput[]) => list.map((city) => `${city.name} (${city.deptName})`);

describe('matching what was typed', () => {
  it('puts an exact name first, then names that start with it, then a word of a name, then anywhere, then departments', () => {
    expect(names(matchCities(cities, 'santa'))).toEqual([
      'Santa Rosa de Osos (Antioquia)',
      // "Santander" is only a department here; its word starts with "santa", after every name that does.
      'Puerto Santander (Amazonas)',
      // Then a department starting with it, or with a word that does, by city name.
      'Bucaramanga (Santander)',
      'San Andrés (Archipiélago de San Andrés, Providencia y Santa Catalina)',
    ]);
    expect(names(matchCities(cities, 'armenia'))).toEqual(['Armenia (Antioquia)', 'Armenia (Quindío)']);
    expect(names(matchCities(cities, 'ARMENIA (quindio)'))).toEqual(['Armenia (Quindío)']);
  });

  it('ignores case, accents and punctuation', () => {
    expect(matchCities(cities, 'bogota').map((city) => city.id)).toEqual([495]);
    expect(matchCities(cities, 'BOGOTÁ (cundinamarca)').map((city) => city.id)).toEqual([495]);
    expect(matchCities(cities, 'providencia, y santa').map((city) => city.id)).toEqual([5]);
    expect(matchCities(cities, 'MEDELLIN').map((city) => city.id)).toEqual([2]);
    expect(matchCities(cities, '  ')).toHaveLength(cities.length);
  });

  it('lists "Cartagena" as Bolívar\'s Cartagena de Indias first, under its department', () => {
    const ranked = matchCities(cities, 'Cartagena');
    expect(names(ranked)).toEqual(['Cartagena de Indias (Bolívar)', 'Cartagena del Chairá (Caquetá)']);
    expect(groupMatches(ranked).map((group) => group.department)).toEqual(['Bolívar', 'Caquetá']);
  });

  it('lets Enter take the best match only when it is a city by its name, exactly or by its start (review D5)', () => {
    const enter = (query: string) => enterChoice(matchCities(cities, query), query)?.id;
    expect(enter('Bogot')).toBe(495);
    expect(enter('Cartagena')).toBe(167);
    // Two exact names: the first listed (the arrows reach the other).
    expect(enter('armenia')).toBe(3);
    expect(enter('Armenia (Quindío)')).toBe(4);
    // Only a department matches: none of its cities is what was typed.
    expect(enter('Cundinamarca')).toBeUndefined();
    expect(enter('santander')).toBeUndefined();
    // A word inside a name, or text anywhere in one, is not a name either.
    expect(enter('Indias')).toBeUndefined();
    expect(enter('gotá')).toBeUndefined();
    expect(enter('zzz')).toBeUndefined();
  });

  it('says which city the text names beyond doubt, and none when it is ambiguous', () => {
    expect(typedCity(cities, 'Bogot')?.id).toBe(495);
    expect(typedCity(cities, 'leticia')?.id).toBe(1);
    expect(typedCity(cities, 'Armenia (Quindío)')?.id).toBe(4);
    expect(typedCity(cities, 'Armenia')).toBeUndefined();
    expect(typedCity(cities, 'Cartagena')).toBeUndefined();
    expect(typedCity(cities, 'zzz')).toBeUndefined();
    expect(typedCity(cities, ' ')).toBeUndefined();
  });
});

/** The picker as the find page holds it (with "Any city") or as the restaurant form does (without). */
function Harness({ anyLabel, initial }: { anyLabel?: string; initial?: number }) {
  const [value, setValue] = useState<number | undefined>(initial);
  return (
    <I18nProvider initial="en">
      <CityCombobox label="City" cities={cities} value={value} onChange={setValue} {...(anyLabel ? { anyLabel } : {})} />
      <button type="button">Elsewhere</button>
      <output data-testid="chosen">{value ?? 'none'}</output>
    </I18nProvider>
  );
}
const chosen = () => screen.getByTestId('chosen').textContent;
const box = () => screen.getByRole('combobox', { name: 'City' }) as HTMLInputElement;
const type = (text: string) => fireEvent.change(box(), { target: { value: text } });
const key = (name: string) => fireEvent.keyDown(box(), { key: name });

describe('the city picker keeps what was typed', () => {
  it('"Bogot" + Enter picks Bogotá, not "Any city"', () => {
    render(<Harness anyLabel="Any city" />);
    type('Bogot');
    expect(screen.queryByRole('option', { name: 'Any city' })).toBeNull();
    key('Enter');
    expect(chosen()).toBe('495');
    expect(box().value).toBe('Bogotá (Cundinamarca)');
  });

  it('"Cartagena" + down + Enter picks Cartagena de Indias, on either form', () => {
    for (const anyLabel of ['Any city', undefined]) {
      render(<Harness {...(anyLabel ? { anyLabel } : {})} />);
      type('Cartagena');
      const options = within(screen.getByRole('listbox')).getAllByRole('option');
      expect(options.map((option) => option.textContent)).toEqual(['Cartagena de Indias', 'Cartagena del Chairá']);
      // Before any arrow, the best match is the one Enter takes, and it is announced.
      expect(options[0]?.className).toContain('combobox__option--default');
      expect(screen.getByText('2 cities. Enter picks Cartagena de Indias (Bolívar).')).toBeTruthy();
      key('ArrowDown');
      expect(document.getElementById(box().getAttribute('aria-activedescendant') ?? '')?.textContent).toBe('Cartagena de Indias');
      key('Enter');
      expect(chosen()).toBe('167');
      cleanup();
    }
  });

  it('moves back up from the first option into the text box, where Enter again takes the best match', () => {
    render(<Harness />);
    type('armenia');
    key('ArrowDown');
    key('ArrowDown');
    key('ArrowUp');
    key('ArrowUp');
    expect(box().getAttribute('aria-activedescendant')).toBeNull();
    key('Enter');
    expect(chosen()).toBe('3');
  });

  it('on leaving the box, keeps the city the text names, or keeps the text with no city and says so', () => {
    render(<Harness anyLabel="Any city" initial={2} />);
    type('leti');
    fireEvent.blur(box());
    expect(chosen()).toBe('1');
    expect(box().value).toBe('Leticia (Amazonas)');

    type('Armenia');
    fireEvent.blur(box());
    // Two Armenias: no guess. The text stays, and no city is chosen behind it.
    expect(box().value).toBe('Armenia');
    expect(chosen()).toBe('none');
    expect(box().getAttribute('aria-invalid')).toBe('true');
    const note = screen.getByText('No city chosen yet: 2 cities match, pick one from the list');
    expect(box().getAttribute('aria-describedby')).toContain(note.id);

    // Back in the box, the same text and its matches; Enter takes the first.
    fireEvent.click(box());
    expect(within(screen.getByRole('listbox')).getAllByRole('option')).toHaveLength(2);
    key('Enter');
    expect(chosen()).toBe('3');
  });

  it('keeps a department typed and Enter, with its cities listed and a note to pick one (review D5)', () => {
    render(<Harness anyLabel="Any city" initial={2} />);
    type('Cundinamarca');
    // No option is Enter's default: the list is a choice to make.
    expect(document.querySelector('.combobox__option--default')).toBeNull();
    key('Enter');
    expect(box().value).toBe('Cundinamarca');
    // The city chosen before no longer stands behind text that does not name it.
    expect(chosen()).toBe('none');
    const list = screen.getByRole('listbox');
    expect(
      within(list)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Bogotá', 'Chía']);
    expect(within(list).getByText('No city chosen yet: 2 cities match, pick one from the list')).toBeTruthy();
    // Said aloud too.
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe('No city chosen yet: 2 cities match, pick one from the list');
    // The arrows still pick from it.
    key('ArrowDown');
    key('Enter');
    expect(chosen()).toBe('495');
    expect(box().value).toBe('Bogotá (Cundinamarca)');
  });

  it('keeps text that matches nothing, with the list saying so, and Enter does not submit or clear it', () => {
    render(<Harness anyLabel="Any city" initial={1} />);
    type('Bogotx');
    expect(screen.getByText('No city matches')).toBeTruthy();
    key('Enter');
    expect(box().value).toBe('Bogotx');
    fireEvent.blur(box());
    expect(box().value).toBe('Bogotx');
    expect(chosen()).toBe('none');
    expect(screen.getByText('No city matches')).toBeTruthy();
  });

  it('empties the choice when the text is erased, and Escape goes back to the chosen city', () => {
    render(<Harness anyLabel="Any city" initial={2} />);
    type('Carta');
    key('Escape');
    expect(box().value).toBe('Medellín (Antioquia)');
    expect(chosen()).toBe('2');
    type('');
    fireEvent.blur(box());
    expect(chosen()).toBe('none');
    expect(box().value).toBe('');
  });
});
