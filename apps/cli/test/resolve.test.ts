import type { City, Restaurant } from '@tablebook/client';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.ts';
import { findCity } from '../src/resolve/city.ts';
import { namePrefix, pickRestaurant, pickRestaurantNamed } from '../src/resolve/restaurant.ts';

const cities: City[] = [
  { id: 1, name: 'Leticia', deptName: 'Amazonas' },
  { id: 16, name: 'Armenia', deptName: 'Antioquia' },
  { id: 867, name: 'Armenia', deptName: 'Quindío' },
  { id: 149, name: 'Bogotá, D.C.', deptName: 'Bogotá' },
  { id: 500, name: 'Medellín', deptName: 'Antioquia' },
];

describe('findCity', () => {
  it('takes an id, a unique name in any case and without accents, or "Name, Department"', () => {
    expect(findCity(cities, '867').deptName).toBe('Quindío');
    expect(findCity(cities, ' medellin ').id).toBe(500);
    expect(findCity(cities, 'armenia, QUINDIO').id).toBe(867);
    expect(findCity(cities, 'Bogota, D.C.').id).toBe(149);
  });

  it('lists the choices for a name that repeats across departments', () => {
    expect(() => findCity(cities, 'Armenia')).toThrow(
      'city "Armenia" is ambiguous, write "Name, Department" or the id: Armenia, Antioquia (id 16); Armenia, Quindío (id 867)',
    );
  });

  it('suggests similar names for an unknown one, and rejects an unknown id', () => {
    expect(() => findCity(cities, 'Armen')).toThrow(
      'no city is called "Armen"; did you mean Armenia, Antioquia (id 16); Armenia, Quindío (id 867)?',
    );
    expect(() => findCity(cities, 'Atlantis')).toThrow(/^no city is called "Atlantis"$/);
    expect(() => findCity(cities, '9999')).toThrow(InputError);
  });
});

const restaurant = (id: string, name: string): Restaurant =>
  ({ id, name, address: 'x', description: 'x', photoUrl: 'https://example.com', city: cities[0] }) as Restaurant;

describe('pickRestaurant', () => {
  const laMar = restaurant('1', 'La Mar');
  const laMarina = restaurant('2', 'La Marina');

  it('takes the only candidate, or the one named exactly so among several', () => {
    expect(pickRestaurant([laMarina], 'la mari')).toBe(laMarina);
    expect(pickRestaurant([laMar, laMarina], 'LA MAR')).toBe(laMar);
  });

  it('lists the candidates of an ambiguous prefix and says when nothing matches', () => {
    expect(() => pickRestaurant([laMar, laMarina], 'La M')).toThrow(
      '"La M" matches 2 restaurants, give more of the name or the id: La Mar in Leticia, Amazonas (1); La Marina in Leticia, Amazonas (2)',
    );
    expect(() => pickRestaurant([restaurant('3', 'La Mar'), laMar], 'La Mar')).toThrow('matches 2 restaurants');
    expect(() => pickRestaurant([], 'Nada')).toThrow(`no restaurant's name starts with "Nada"`);
  });
});

describe('pickRestaurantNamed', () => {
  const zeta = restaurant('1', 'Zeta');
  const zetaTmp = restaurant('2', 'Zeta Tmp');

  it('takes only the whole name as written: never a prefix, nor another case', () => {
    expect(pickRestaurantNamed([zeta, zetaTmp], 'Zeta')).toBe(zeta);
    expect(pickRestaurantNamed([restaurant('3', 'Cevichería')], 'Cevicheri\u0301a').id).toBe('3');
    expect(() => pickRestaurantNamed([zetaTmp], 'Zeta')).toThrow(
      'no restaurant is named exactly "Zeta" (give its whole name or its id); did you mean Zeta Tmp in Leticia, Amazonas (2)?',
    );
    expect(() => pickRestaurantNamed([zetaTmp], 'zeta tmp')).toThrow(
      new InputError(
        'no restaurant is named exactly "zeta tmp" (give its whole name or its id); did you mean Zeta Tmp in Leticia, Amazonas (2)?',
        'NOT_FOUND',
      ),
    );
    expect(() => pickRestaurantNamed([], 'Nada')).toThrow(/^no restaurant is named exactly "Nada" \(give its whole name or its id\)$/);
  });

  it('asks for the id when two restaurants have the name', () => {
    expect(() => pickRestaurantNamed([zeta, restaurant('4', 'Zeta')], 'Zeta')).toThrow(
      '2 restaurants are named "Zeta", give the id: Zeta in Leticia, Amazonas (1); Zeta in Leticia, Amazonas (4)',
    );
  });
});

describe('namePrefix', () => {
  it('asks the server for the name composed (NFC), as browsers and spreadsheets store it, whatever the terminal typed', () => {
    const typedOnMac = ' La Cevicheri\u0301a ';
    expect(namePrefix(typedOnMac)).toBe('La Cevicher\u00eda');
    expect(namePrefix(typedOnMac)).toHaveLength('La Cevichería'.length);
    expect(namePrefix('Zeta Tmp')).toBe('Zeta Tmp');
  });

  it('drops the spaces around a pasted name, not those inside it (restaurants delete "La Mar " is "La Mar")', () => {
    expect(namePrefix(' La Mar \t')).toBe('La Mar');
    expect(() => pickRestaurantNamed([restaurant('5', 'La Mar')], namePrefix('La  Mar'))).toThrow(
      'no restaurant is named exactly "La  Mar"',
    );
  });
});
