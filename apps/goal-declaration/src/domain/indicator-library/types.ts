import type { CategoryDefinition, IndicatorDefinition } from '@bpm/goal-declaration-contract';

/** Published values: defined in goal-declaration's contract. */
export type { CategoryDefinition, IndicatorChanges, IndicatorDefinition } from '@bpm/goal-declaration-contract';

export type IndicatorStatus = 'active' | 'retired';

export type LibraryIndicator = IndicatorDefinition & Readonly<{ status: IndicatorStatus }>;

/**
 * A read-only snapshot of a fiscal year's library, passed inside goal commands
 * so the goal decider can check common indicators without I/O.
 */
export type IndicatorLookup = Readonly<Record<string, LibraryIndicator>>;

/** Sample / seed data shape: a whole library in one object. */
export type IndicatorLibrarySeed = Readonly<{
  region: string;
  fiscalYear: number;
  costLevelEnabled: boolean;
  categories: readonly CategoryDefinition[];
  indicators: readonly IndicatorDefinition[];
}>;
