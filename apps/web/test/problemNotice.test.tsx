// @vitest-environment jsdom
/**
 * The notice every page shows a refusal in: the reason's title, the words from its details (and its
 * issues), never the server's English, and a request id only for a fault worth reporting.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../src/i18n/I18nProvider.tsx';
import type { Language } from '../src/i18n/language.ts';
import { ProblemNotice } from '../src/ui/states.tsx';

const REQUEST_ID = '9f1c2b7e-5d4a-4e3b-8c2d-1a0b9c8d7e6f';

/** A tRPC error as the client reports the server's answer. */
const answered = (message: string, data: Record<string, unknown>) =>
  new TRPCClientError<never>(message, { result: { error: { message, code: -32600, data: { requestId: REQUEST_ID, ...data } } } } as never);

const show = (error: unknown, language: Language) =>
  render(
    <I18nProvider initial={language}>
      <ProblemNotice error={error} />
    </I18nProvider>,
  );

afterEach(cleanup);

describe('ProblemNotice', () => {
  it('words a taken table from its details in Spanish, with no server sentence and no request id', () => {
    const english = 'Table A1 at "Casa" is already booked from 19:00 to 21:00 on 2026-12-10';
    show(
      answered(english, {
        reason: 'TABLE_ALREADY_BOOKED',
        httpStatus: 409,
        details: { restaurantName: 'Casa', table: 'A1', date: '2026-12-10', from: '19:00', to: '21:00' },
      }),
      'es',
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Esa mesa ya está reservada');
    expect(alert.textContent).toMatch(/La mesa A1 de Casa ya está reservada el jueves, 10 de diciembre de 2026, de 7:00\s?p\.\s?m\./);
    expect(alert.textContent).not.toContain(english);
    expect(alert.textContent).not.toContain(REQUEST_ID);
  });

  it('lists the fields of invalid input, each named in the page’s language', () => {
    show(
      answered('Invalid input: partySize: partySize must be at most 20', {
        reason: 'INVALID_INPUT',
        httpStatus: 400,
        issues: [{ path: 'partySize', message: 'partySize must be at most 20', code: 'too_big', origin: 'number', maximum: 20 }],
      }),
      'en',
    );
    expect(screen.getByText('People: at most 20')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).not.toContain('partySize');
  });

  it('keeps only details as the catalog declares them, and words the rest plainly', () => {
    show(answered('x', { reason: 'GLOBAL_DAILY_LIMIT', httpStatus: 409, details: { restaurantName: 'Casa', date: 'tomorrow' } }), 'en');
    expect(screen.getByRole('alert').textContent).toContain('No more bookings can be taken that day: try another day.');
  });

  it('gives a fault’s request id for support', () => {
    show(answered(`Internal server error (request id ${REQUEST_ID})`, { reason: 'INTERNAL_ERROR', httpStatus: 500 }), 'es');
    expect(screen.getByRole('alert').textContent).toContain(`Referencia: ${REQUEST_ID}`);
    expect(screen.getByRole('alert').textContent).not.toContain('Internal server error');
  });
});
