import { GoalDeclarationParameters } from '../parameters';
import { Project, projectRules } from '../project';
import { DomainError, DomainErrorCode, isBlank, unknownCommand, requireOwningUnit, requireRole, throwFirst } from '../shared';
import { DeclareGoal, PerformanceGoalCommand, RecordReviewDeadline, RegisterProject, RequestGoalAdjustment, ReviewGoal, SubmitGoalForReview } from './commands';
import { PerformanceGoalEvent } from './events';
import {
  exAnteAssessmentPasses,
  ratingFitsDecision,
  rejectReasonRequired,
  returnCommentsPerIndicator,
  scoreFitsRating,
} from './review-rules';
import { validateDeclaration } from './rules';
import {
  GOAL_STATUS_LABELS,
  GoalStatus,
  PerformanceGoalState,
  RegisteredGoal,
  isAdjusting,
  mustReviseAfter,
  requireRegistered,
} from './state';

/** Adds `key: value` only when the value is defined (events carry no undefined fields). */
const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/** The registered goal of this very project. */
const requireProject = (state: PerformanceGoalState, projectId: string): RegisteredGoal => {
  const goal = requireRegistered(state, projectId);
  if (goal.project.projectId !== projectId) {
    throw new DomainError('PROJECT_MISMATCH', `命令中的项目“${projectId}”与本绩效目标所属项目“${goal.project.projectId}”不符`, 'projectId');
  }
  return goal;
};

const requireParametersFor = (project: Project, params: GoalDeclarationParameters): void => {
  if (params.region !== project.region || params.fiscalYear !== project.fiscalYear) {
    throw new DomainError(
      'PARAMETERS_MISMATCH',
      `参数属于${params.region}区划${params.fiscalYear}年度，而项目属于${project.region}区划${project.fiscalYear}年度`,
      'parameters',
    );
  }
};

const refuseStatus = (status: GoalStatus, action: string): never => {
  const why: Partial<Record<GoalStatus, [DomainErrorCode, string]>> = {
    submitted: ['GOAL_UNDER_REVIEW', '绩效目标正在审核中'],
    approved: ['GOAL_APPROVED_ADJUSTMENT_REQUIRED', '绩效目标已批复，只能通过调整申请变更'],
    rejected: ['GOAL_REJECTED', '绩效目标已审核不予通过（不安排预算）'],
  };
  const [code, reason]: [DomainErrorCode, string] = why[status] ?? ['GOAL_STATUS_INVALID', `绩效目标当前状态为“${GOAL_STATUS_LABELS[status]}”`];
  throw new DomainError(code, `${reason}，不能${action}`);
};

const register = ({ data }: RegisterProject, state: PerformanceGoalState): PerformanceGoalEvent[] => {
  requireOwningUnit(data.actor, data.project.unitId);
  if (state.status !== 'unregistered') {
    throw new DomainError('PROJECT_ALREADY_REGISTERED', `项目“${data.project.projectId}”已登记`, 'project.projectId');
  }
  throwFirst(projectRules(data.project));
  return [{ type: 'ProjectRegistered', data: { project: data.project, by: data.actor.userId, at: data.at } }];
};

const declare = ({ data }: DeclareGoal, state: PerformanceGoalState): PerformanceGoalEvent[] => {
  const goal = requireProject(state, data.projectId);
  const project = goal.project;
  requireOwningUnit(data.actor, project.unitId);
  if (!['draft', 'returned', 'adjustment-requested'].includes(goal.status)) refuseStatus(goal.status, '申报或修改');
  requireParametersFor(project, data.parameters);
  throwFirst(validateDeclaration({ project, declaration: data.declaration, library: data.library, parameters: data.parameters }));
  return [
    {
      type: 'GoalDeclared',
      data: { projectId: project.projectId, version: goal.version + 1, declaration: data.declaration, by: data.actor.userId, at: data.at },
    },
  ];
};

const submit = ({ data }: SubmitGoalForReview, state: PerformanceGoalState): PerformanceGoalEvent[] => {
  const goal = requireProject(state, data.projectId);
  const project = goal.project;
  requireOwningUnit(data.actor, project.unitId);
  if (!['draft', 'returned', 'adjustment-requested'].includes(goal.status)) refuseStatus(goal.status, '提交审核');
  requireParametersFor(project, data.parameters);
  if (!goal.declaration || goal.version === 0) {
    throw new DomainError('GOAL_NOT_DECLARED', '尚未填报绩效目标表，不能提交审核', 'declaration');
  }
  const revisedAfter = mustReviseAfter(goal);
  if (revisedAfter !== undefined && goal.version <= revisedAfter) {
    throw new DomainError(
      'GOAL_NOT_REVISED',
      goal.status === 'returned' ? '退回后尚未修改绩效目标表，不能重新提交' : '调整申请尚未填报调整后的绩效目标表，不能提交',
      'declaration',
    );
  }
  const firstOfRound = goal.status !== 'returned';
  return [
    {
      type: 'GoalSubmittedForReview',
      data: {
        projectId: project.projectId,
        // Who and which year travel with the event: the review workflow and the inbox need them.
        unitId: project.unitId,
        fiscalYear: project.fiscalYear,
        version: goal.version,
        reviewRound: Math.max(goal.reviewRound, 1),
        submission: firstOfRound ? 1 : goal.submission + 1,
        isAdjustment: isAdjusting(goal),
        reviewDeadlineDays: data.parameters.reviewDeadlineDays,
        reminderDaysBefore: data.parameters.reminderDaysBefore,
        by: data.actor.userId,
        at: data.at,
      },
    },
  ];
};

const review = ({ data }: ReviewGoal, state: PerformanceGoalState): PerformanceGoalEvent[] => {
  requireRole(data.actor, 'finance-reviewer');
  const goal = requireProject(state, data.projectId);
  const project = goal.project;
  if (goal.status !== 'submitted') {
    throw new DomainError('GOAL_NOT_SUBMITTED', `绩效目标当前状态为“${GOAL_STATUS_LABELS[goal.status]}”，没有待审核的申报`);
  }
  requireParametersFor(project, data.parameters);
  throwFirst([...ratingFitsDecision(data.decision, data.rating), ...scoreFitsRating(data.score, data.rating, data.parameters)]);

  const reviewed = {
    projectId: project.projectId,
    version: goal.version,
    reviewRound: goal.reviewRound,
    ...optional('score', data.score),
    ...optional('comments', data.comments),
    by: data.actor.userId,
    at: data.at,
  };

  switch (data.decision) {
    case 'approve': {
      const exAnte = data.exAnteAssessment ?? goal.exAnteAssessment;
      throwFirst(exAnteAssessmentPasses(project, data.parameters, exAnte));
      return [
        {
          type: 'GoalApproved',
          data: {
            ...reviewed,
            rating: data.rating as 'excellent' | 'good',
            isAdjustment: goal.adjusting,
            ...optional('exAnteAssessment', exAnte),
          },
        },
      ];
    }
    case 'return': {
      throwFirst(returnCommentsPerIndicator(data.indicatorComments, goal.declaration));
      return [{ type: 'GoalReturned', data: { ...reviewed, rating: 'fair', indicatorComments: data.indicatorComments ?? [] } }];
    }
    case 'reject': {
      throwFirst(rejectReasonRequired(data.comments));
      const reason = data.comments ?? '';
      return goal.adjusting && goal.approved
        ? [{ type: 'GoalAdjustmentRejected', data: { ...reviewed, rating: 'poor', reason, approvedVersion: goal.approved.version } }]
        : [{ type: 'GoalRejected', data: { ...reviewed, rating: 'poor', reason } }];
    }
    default:
      throw new DomainError('DECISION_INVALID', `审核结论“${String(data.decision)}”无效，应为审核通过、退回修改或不予通过`, 'decision');
  }
};

const requestAdjustment = ({ data }: RequestGoalAdjustment, state: PerformanceGoalState): PerformanceGoalEvent[] => {
  const goal = requireProject(state, data.projectId);
  requireOwningUnit(data.actor, goal.project.unitId);
  if (goal.status !== 'approved') {
    throw new DomainError('GOAL_NOT_APPROVED', `绩效目标当前状态为“${GOAL_STATUS_LABELS[goal.status]}”，只有已批复的绩效目标才能申请调整`);
  }
  if (isBlank(data.reason)) {
    throw new DomainError('ADJUSTMENT_REASON_REQUIRED', '调整申请须说明调整理由', 'reason');
  }
  return [
    {
      type: 'GoalAdjustmentRequested',
      data: {
        projectId: goal.project.projectId,
        reason: data.reason,
        approvedVersion: goal.approved.version,
        reviewRound: goal.reviewRound + 1,
        by: data.actor.userId,
        at: data.at,
      },
    },
  ];
};

/** Only while that round is still under review; a late timer after the decision records nothing. */
const recordDeadline = ({ data }: RecordReviewDeadline, state: PerformanceGoalState): PerformanceGoalEvent[] => {
  requireRole(data.actor, 'system');
  if (state.status !== 'submitted' || state.reviewRound !== data.reviewRound) return [];
  const fact = { projectId: data.projectId, reviewRound: data.reviewRound, dueAt: data.dueAt, by: data.actor.userId, at: data.at };
  return [data.kind === 'reminder' ? { type: 'GoalReviewReminderSent', data: fact } : { type: 'GoalReviewOverdue', data: fact }];
};

export const decide = (command: PerformanceGoalCommand, state: PerformanceGoalState): PerformanceGoalEvent[] => {
  switch (command.type) {
    case 'RecordReviewDeadline':
      return recordDeadline(command, state);
    case 'RegisterProject':
      return register(command, state);
    case 'DeclareGoal':
      return declare(command, state);
    case 'SubmitGoalForReview':
      return submit(command, state);
    case 'ReviewGoal':
      return review(command, state);
    case 'RequestGoalAdjustment':
      return requestAdjustment(command, state);
    default:
      return unknownCommand(command);
  }
};
