import { CorrectiveCaseAnswered, CorrectiveCaseOpened } from './events';
import { RestrictionMode } from './types';

export type CaseFacts = Readonly<Omit<CorrectiveCaseOpened['data'], 'by' | 'at'> & { openedAt: string; reminderSent: boolean }>;

export type Allocation =
  | Readonly<{ status: 'allowed' }>
  | Readonly<{ status: 'restricted'; mode: RestrictionMode; reason: string; by: string; at: string }>;

/**
 * open (awaiting the answer, in time) → escalated (late, finance told) → answered;
 * finance may restrict the project's allocation whatever the case's status, and lift it.
 */
export type CorrectiveCaseState =
  | Readonly<{ status: 'none' }>
  | Readonly<{ status: 'open' | 'escalated'; case: CaseFacts; allocation: Allocation }>
  | Readonly<{ status: 'answered'; case: CaseFacts; allocation: Allocation; answer: Omit<CorrectiveCaseAnswered['data'], 'by'> & { by: string } }>;

export type OpenedCaseState = Exclude<CorrectiveCaseState, { status: 'none' }>;

export const initialState = (): CorrectiveCaseState => ({ status: 'none' });
