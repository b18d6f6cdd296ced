/**
 * One idempotency key per booking attempt. Sending the same details again (after a network error,
 * or a double click) reuses the key, so the server answers with the first booking instead of
 * making a second one; changed details are a new attempt with a new key (the server would refuse
 * an old key with other details).
 */
export interface BookingAttempt {
  key: string;
  /** The details the key was made for. */
  signature: string;
}

export function attemptFor(
  previous: BookingAttempt | undefined,
  details: object,
  newKey: () => string = () => crypto.randomUUID(),
): BookingAttempt {
  const signature = JSON.stringify(details, Object.keys(details).sort());
  return previous?.signature === signature ? previous : { key: newKey(), signature };
}
