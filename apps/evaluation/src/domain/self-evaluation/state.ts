import { Grade, ScoreDerivation } from '../scoring';
import { SelfEvaluationFilled, SelfEvaluationOpened } from './events';
import { SelfEvaluationFlag } from './types';

type Opened = SelfEvaluationOpened['data'];
type Filled = Omit<SelfEvaluationFilled['data'], 'by' | 'at'>;
type Common = Readonly<{ opened: Opened; filled?: Filled; round: number }>;

/** A self-evaluation is in exactly one of these cases. */
export type SelfEvaluationState =
  | Readonly<{ status: 'none' }>
  | (Common & Readonly<{ status: 'open'; lastComments?: string }>)
  | (Common & Readonly<{ status: 'submitted'; total: number; grade: Grade; flags: readonly SelfEvaluationFlag[] }>)
  | (Common & Readonly<{ status: 'accepted'; total: number; grade: Grade; derivation: ScoreDerivation }>);

export const initialSelfEvaluationState = (): SelfEvaluationState => ({ status: 'none' });
