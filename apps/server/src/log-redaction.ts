import { stdSerializers } from 'pino';

/**
 * Drizzle puts a failed query's parameters in the error message ("params: ..."), and PostgreSQL's
 * detail can quote a whole row: either may carry a guest's phone or e-mail, which must never reach
 * the log. The query text and SQLSTATE stay, for diagnosis.
 */
export function redactQueryDetails(text: string): string {
  return text
    .replace(/params: [\s\S]*/g, 'params: [redacted]')
    .replace(/Failing row contains \([\s\S]*\)/g, 'Failing row contains ([redacted])')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]');
}

type SerializedError = { [key: string]: unknown; type: string; message: string; stack: string };

export function serializeErrorForLog(error: Error): SerializedError {
  const serialized = stdSerializers.err(error) as unknown as SerializedError;
  const clean = (value: SerializedError | undefined): SerializedError | undefined => {
    if (!value) return value;
    const copy: SerializedError = { ...value };
    copy.message = redactQueryDetails(String(copy.message ?? ''));
    copy.stack = redactQueryDetails(String(copy.stack ?? ''));
    delete copy['params'];
    delete copy['parameters'];
    if (typeof copy['detail'] === 'string') copy['detail'] = redactQueryDetails(copy['detail'] as string);
    if (copy['cause'] && typeof copy['cause'] === 'object') copy['cause'] = clean(copy['cause'] as SerializedError);
    return copy;
  };
  return clean(serialized)!;
}

/**
 * A cancel link's token (`/cancel?token=...`, issue 17) cancels a booking by itself, for as long as
 * the booking stands: it must not sit in the request log for anyone who can read it. Any `token` query
 * value is replaced.
 */
export const redactUrlSecrets = (url: string): string => url.replace(/([?&](?:token|cancelToken)=)[^&#]*/gi, '$1[redacted]');
