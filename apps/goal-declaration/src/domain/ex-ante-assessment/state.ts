import { ExAnteAssessmentOutcome } from './conclusion';
import { ExAnteAssessmentStarted } from './events';

export type ExAnteAssessmentState =
  | Readonly<{ status: 'not-started' }>
  | Readonly<{ status: 'in-progress'; started: ExAnteAssessmentStarted['data'] }>
  | Readonly<{ status: 'completed'; started: ExAnteAssessmentStarted['data']; outcome: ExAnteAssessmentOutcome }>;

export const initialState = (): ExAnteAssessmentState => ({ status: 'not-started' });

/** What a goal approval carries (undefined until completed). */
export const exAnteOutcome = (state: ExAnteAssessmentState): ExAnteAssessmentOutcome | undefined =>
  state.status === 'completed' ? state.outcome : undefined;
