/**
 * What kind of refusal a domain error is. The HTTP layer maps a kind, never a code or a
 * message, to a status: a new code needs no change here, a new kind does not compile
 * until {@link statusOfKind} knows it.
 */
export const ERROR_KINDS = ['not-found', 'forbidden', 'invalid', 'conflict', 'precondition'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export const isErrorKind = (value: unknown): value is ErrorKind =>
  typeof value === 'string' && (ERROR_KINDS as readonly string[]).includes(value);

export function statusOfKind(kind: ErrorKind): number {
  switch (kind) {
    case 'not-found':
      return 404;
    case 'forbidden':
      return 403;
    case 'invalid':
      return 422;
    case 'conflict':
      return 409;
    case 'precondition':
      return 412;
    default: {
      const unknownKind: never = kind;
      throw new Error(`unknown error kind ${String(unknownKind)}`);
    }
  }
}
