/**
 * A fixed-offset zone where the wall clock now shows 10:MM (Etc/GMT-3 is UTC+3: POSIX signs are
 * inverted). A restaurant there, open 08:00-23:00, is open now whenever a test runs, with the rest of
 * its day ahead: its timeline offers a walk-in and new reservations today.
 */
export function morningZone(now = new Date()): string {
  const offset = ((10 - now.getUTCHours() + 36) % 24) - 12;
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}
