// @vitest-environment jsdom
import type { CityOutput } from '@tablebook/api/shared';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CityCombobox } from '../src/features/cities/CityCombobox.tsx';
import { groupByDepartment, matchCities } from '../src/features/cities/cityGroups.ts';
import { I18nProvider } from '../src/i18n/I18nProvider.tsx';

afterEach(cleanup);

const cities: CityOutput[] = [
  { id: 1, name: 'Leticia', deptName: 'Amazonas' },
  { id: 2, name: 'Medellín', deptName: 'Antioquia' },
  { id: 3, name: 'Armenia', deptName: 'Antioquia' },
  { id: 4, name: 'Armenia', deptName: 'Quindío' },
  { id: 5, name: 'Bogotá, D.C.', deptName: 'Bogotá, D.C.' },
  { id: 6, name: 'Abejorral', deptName: 'Antioquia' },
];

describe('city search and grouping', () => {
  it('matches city or department, ignoring case and accents', () => {
    expect(matchCities(cities, 'bogota').map((city) => city.id)).toEqual([5]);
    expect(matchCities(cities, 'MEDELLIN').map((city) => city.id)).toEqual([2]);
    expect(matchCities(cities, 'quindio').map((city) => city.id)).toEqual([4]);
    expect(matchCities(cities, '  ')).toHaveLength(cities.length);
  });

  it('groups by department, both in Spanish alphabetical order', () => {
    expect(groupByDepartment(cities).map((group) => [group.department, group.cities.map((city) => city.name)])).toEqual([
      ['Amazonas', ['Leticia']],
      ['Antioquia', ['Abejorral', 'Armenia', 'Medellín']],
      ['Bogotá, D.C.', ['Bogotá, D.C.']],
      ['Quindío', ['Armenia']],
    ]);
  });
});

/** The combobox as a form would hold it, showing the chosen id. */
function Harness({ anyLabel }: { anyLabel?: string }) {
  const [value, setValue] = useState<number | undefined>(undefined);
  return (
    <I18nProvider initial="en">
      <CityCombobox label="City" cities={cities} value={value} onChange={setValue} {...(anyLabel ? { anyLabel } : {})} />
      <output data-testid="chosen">{value ?? 'none'}</output>
    </I18nProvider>
  );
}

const chosen = () => screen.getByTestId('chosen').textContent;

describe('the city combobox', () => {
  it('filters as you type and shows each match under its department', () => {
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'City' });
    fireEvent.change(input, { target: { value: 'armen' } });
    const listbox = screen.getByRole('listbox', { name: 'City' });
    const groups = within(listbox).getAllByRole('group');
    expect(
      groups.map(
        (group) => group.getAttribute('aria-labelledby') && document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent,
      ),
    ).toEqual(['Antioquia', 'Quindío']);
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Armenia', 'Armenia']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
  });

  it('is driven by the keyboard: arrows move, Enter picks, the box then names city and department', () => {
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'City' }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'armenia' } });
    // The first arrow lands on the first match (Antioquia's), the second on Quindío's.
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const active = document.getElementById(input.getAttribute('aria-activedescendant')!);
    expect(active?.textContent).toBe('Armenia');
    expect(active?.closest('[role="group"]')?.textContent).toContain('Quindío');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(chosen()).toBe('4');
    expect(input.value).toBe('Armenia (Quindío)');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('closes on Escape and shows the chosen city again', () => {
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'City' }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'leti' } });
    fireEvent.click(screen.getByRole('option', { name: 'Leticia' }));
    fireEvent.change(input, { target: { value: 'zzz' } });
    expect(screen.getByText('No city matches')).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input.value).toBe('Leticia (Amazonas)');
    expect(chosen()).toBe('1');
  });

  it('offers "any city" first when the choice is optional, and a button to clear it', () => {
    render(<Harness anyLabel="Any city" />);
    const input = screen.getByRole('combobox', { name: 'City' });
    fireEvent.click(input);
    const options = screen.getAllByRole('option');
    expect(options[0]?.textContent).toBe('Any city');
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByRole('option', { name: 'Medellín' }));
    expect(chosen()).toBe('2');
    fireEvent.click(screen.getByRole('button', { name: 'Clear the city' }));
    expect(chosen()).toBe('none');
  });
});
