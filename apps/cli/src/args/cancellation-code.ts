import { UsageError } from '../errors.ts';

/**
 * A guest's cancellation code as people copy it or read it out: letters and digits, which spaces or
 * dashes may group, the en or em dash a phone or word processor makes of a hyphen included (the API ignores
 * those, and the case). Checked here so that a typo costs no call:
 * each cancel by code counts against the address's guest-booking rate limit. Whether a booking holds
 * the code, and how long a code may be, only the API says.
 */
export function parseCancellationCode(flag: string, text: string): string {
  const code = text.trim();
  if (code === '') throw new UsageError(`--${flag} needs the booking's cancellation code, not an empty value`);
  if (!/^[A-Za-z0-9\s\p{Dash_Punctuation}\u2212]+$/u.test(code) || !/[A-Za-z0-9]/.test(code)) {
    throw new UsageError(`--${flag} must be a cancellation code, letters and digits (spaces or dashes may group them), not "${text}"`);
  }
  return code;
}
