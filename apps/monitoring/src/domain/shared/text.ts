export const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
