import type { ExAnteConclusion } from '@bpm/goal-declaration-contract';

export {
  EX_ANTE_CONCLUSIONS,
  EX_ANTE_CONCLUSION_LABELS,
  isExAnteConclusion,
  type ExAnteAssessmentOutcome,
  type ExAnteConclusion,
} from '@bpm/goal-declaration-contract';

export const isPassing = (conclusion: ExAnteConclusion): boolean => conclusion !== 'reject';
