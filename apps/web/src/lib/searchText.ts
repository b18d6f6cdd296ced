/**
 * Text folded for forgiving search: lower case, accents dropped, so "bogota" finds "Bogotá, D.C."
 * and "SAN ANDRES" finds "San Andrés".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('es');
}
