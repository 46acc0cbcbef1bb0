/** Blank: missing, not a text at all (a number or a list where a name belongs), or only spaces. */
export const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

/** The trimmed text, or '' for anything that is not a text: rules compare names without throwing. */
export const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
