import { LEVEL1, LEVEL1_LABELS, LEVEL2_BY_LEVEL1, LEVEL2_LABELS, type Level1, type Level2 } from '@bpm/goal-declaration-contract';

/** The indicator tree's fixed levels are published values: defined in goal-declaration's contract. */
export { LEVEL1, LEVEL1_LABELS, LEVEL2_BY_LEVEL1, LEVEL2_LABELS, type Level1, type Level2 } from '@bpm/goal-declaration-contract';

export const isLevel1 = (value: unknown): value is Level1 =>
  typeof value === 'string' && (LEVEL1 as readonly string[]).includes(value);

export const level2Belongs = (level1: Level1, level2: unknown): level2 is Level2 =>
  typeof level2 === 'string' && (LEVEL2_BY_LEVEL1[level1] as readonly string[]).includes(level2);

/** 成本 is a level 1 only where the region's parameter turns it on. */
export const enabledLevel1s = (costLevelEnabled: boolean): Level1[] =>
  costLevelEnabled ? [...LEVEL1] : LEVEL1.filter((l) => l !== 'cost');

export const level1Label = (level1: string): string =>
  isLevel1(level1) ? LEVEL1_LABELS[level1] : level1;

export const level2Label = (level2: string): string =>
  level2 in LEVEL2_LABELS ? LEVEL2_LABELS[level2 as Level2] : level2;
