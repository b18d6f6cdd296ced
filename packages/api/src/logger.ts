/** The minimal logger the api needs; pino's logger satisfies it. */
export interface ContextLogger {
  error(object: object, message?: string): void;
  warn(object: object, message?: string): void;
}
