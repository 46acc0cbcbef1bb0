/** Published events: their one definition is goal-declaration's contract. */
export type { ExAnteAssessmentCompleted, ExAnteAssessmentEvent, ExAnteAssessmentStarted } from '@bpm/goal-declaration-contract';
