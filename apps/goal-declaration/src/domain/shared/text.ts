export const isBlank = (value: string | undefined | null): boolean =>
  value === undefined || value === null || value.trim() === '';

export const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
