import { DOMAIN_ERROR_KINDS, DomainErrorCode, ErrorKind } from './error-kinds';

/**
 * The one error a decider throws. `code` is stable (for clients and tests) and fixes the
 * `kind` (see DOMAIN_ERROR_KINDS), `message` is Chinese and names the offending field,
 * `field` is an optional path into the command data (e.g. `indicators[2].annualTarget`).
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly kind: ErrorKind;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.kind = DOMAIN_ERROR_KINDS[code];
  }
}

export const isDomainError = (error: unknown): error is DomainError =>
  error instanceof DomainError;

/** Throws the first violation, if any. Rules return lists so a UI can show them all. */
export const throwFirst = (violations: readonly DomainError[]): void => {
  if (violations.length > 0) throw violations[0];
};
