import { Decider } from '../shared';
import { CorrectiveCaseCommand } from './commands';
import { decide } from './decide';
import { CorrectiveCaseEvent } from './events';
import { evolve } from './evolve';
import { CorrectiveCaseState, initialState } from './state';

export * from './types';
export * from './commands';
export * from './events';
export type { Allocation, CaseFacts, CorrectiveCaseState, OpenedCaseState } from './state';
export * from './schedule';
export * from './allocation';
export { decide as decideCorrectiveCase, evolve as evolveCorrectiveCase };

export const correctiveCaseDecider: Decider<CorrectiveCaseState, CorrectiveCaseCommand, CorrectiveCaseEvent> = { initialState, evolve, decide };

export const correctiveCaseStreamId = (caseId: string): string => `correctiveCase-${caseId}`;
