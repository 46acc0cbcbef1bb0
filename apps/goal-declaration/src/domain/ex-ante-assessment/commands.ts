import { GoalDeclarationParameters } from '../parameters';
import { Project } from '../project';
import { Actor, Command, Timestamp } from '../shared';
import { ExAnteConclusion } from './conclusion';
import { DimensionScore } from './dimensions';

type By = { actor: Actor; at: Timestamp };

export type ExAnteProject = Pick<Project, 'projectId' | 'name' | 'unitId' | 'amount' | 'isNew' | 'major' | 'expiringProposedToContinue'>;

/** Stream: `exAnteAssessment-<assessmentId>`. Opened by finance, optionally assigned to an evaluator. */
export type StartExAnteAssessment = Command<
  'StartExAnteAssessment',
  By & { assessmentId: string; project: ExAnteProject; assessorId?: string; parameters: GoalDeclarationParameters }
>;

export type CompleteExAnteAssessment = Command<
  'CompleteExAnteAssessment',
  By & {
    assessmentId: string;
    dimensions: readonly DimensionScore[];
    /** Optional: when given it must match the one derived from the score. */
    conclusion?: ExAnteConclusion;
    /** 评估意见 */
    opinion: string;
  }
>;

export type ExAnteAssessmentCommand = StartExAnteAssessment | CompleteExAnteAssessment;
