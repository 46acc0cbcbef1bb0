/**
 * What kind of refusal: the HTTP layer maps it by a switch without knowing every code
 * (not-found 404, forbidden 403, invalid 422, conflict 409, precondition 409/422).
 */
export type ErrorKind = 'not-found' | 'forbidden' | 'invalid' | 'conflict' | 'precondition';

/**
 * The one error a domain throws: `code` is stable (for clients and tests), `message` is
 * Chinese and readable by a finance clerk, `field` an optional path into the command data
 * (e.g. `indicators[2].actual`).
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  toJSON(): { code: string; kind: ErrorKind; field?: string; message: string } {
    return { code: this.code, kind: this.kind, ...(this.field !== undefined ? { field: this.field } : {}), message: this.message };
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

export const invalid = (code: string, message: string, field?: string) => new DomainError(code, 'invalid', message, field);
export const conflict = (code: string, message: string, field?: string) => new DomainError(code, 'conflict', message, field);
export const precondition = (code: string, message: string, field?: string) => new DomainError(code, 'precondition', message, field);
export const forbidden = (code: string, message: string, field?: string) => new DomainError(code, 'forbidden', message, field);
export const notFound = (code: string, message: string, field?: string) => new DomainError(code, 'not-found', message, field);

/** Throws the first violation, if any. Rules return lists so a screen can show them all. */
export const throwFirst = (violations: readonly DomainError[]): void => {
  if (violations.length > 0) throw violations[0];
};
