import { defaultAccumulation, type Direction, type MonitoredIndicator } from '../../domain';

interface DeclaredIndicator {
  name: string;
  direction?: Direction;
  unitOfMeasure?: string;
  annualTarget?: number | string;
}

/** The approved goal table's indicators as monitoring watches them (those with an annual target). */
export function indicatorsFromGoal(declaration: unknown): MonitoredIndicator[] {
  const indicators = ((declaration as { indicators?: DeclaredIndicator[] } | null)?.indicators ?? []) as DeclaredIndicator[];
  return indicators
    .filter((i) => i.annualTarget !== undefined && i.annualTarget !== null && i.annualTarget !== '')
    .map((i) => ({
      name: i.name,
      direction: i.direction ?? '>=',
      ...(i.unitOfMeasure ? { unitOfMeasure: i.unitOfMeasure } : {}),
      annualTarget: i.annualTarget as number | string,
      accumulation: defaultAccumulation(i.unitOfMeasure),
    }));
}
