import { Command, Decider, Event, Timestamp, conflict, forbidden, invalid, notFound, throwFirst, unreachable } from '@bpm/decider';
import { EvaluationParameters } from '../parameters';
import { Grade, gradeOf, points } from '../scoring';
import { Actor } from '../shared/actor';
import { KeyLevel1, ScoredKeyIndicator, scoreTree, treeViolations } from './framework';

/** 工作方案 → 现场评价 → 报告初稿 → 财政审核 → 正式报告. */
export const MILESTONES = ['work-plan', 'fieldwork', 'draft-report', 'finance-review', 'final-report'] as const;
export type Milestone = (typeof MILESTONES)[number];
export const MILESTONE_LABELS: Record<Milestone, string> = {
  'work-plan': '工作方案',
  fieldwork: '现场评价',
  'draft-report': '报告初稿',
  'finance-review': '财政审核',
  'final-report': '正式报告',
};

/** What the registry says of a candidate at the moment of assignment (loaded by the application). */
export type Candidate = Readonly<{ id: string; kind: 'agency' | 'expert'; name: string; status: 'admitted' | 'suspended' | 'removed' | 'unknown'; linkedUnits: readonly string[] }>;
export type EvaluatedProject = Readonly<{ projectId: string; unitId: string; fiscalYear: number; name: string; amountFen: number }>;
export type KeyResult = Readonly<{ total: number; byLevel1: Readonly<Record<KeyLevel1, number>>; grade: Grade; gradeRule: string; findings: string; recommendations: string }>;

type By = { by: string; at: Timestamp };
/** When each milestone is due (ISO), fixed at assignment from the region's parameters. */
export type MilestoneSchedule = Readonly<{ dueAt: Readonly<Record<Milestone, Timestamp>>; reminderDaysBefore: number }>;
type Notice = By & { milestone: Milestone; dueAt: Timestamp };

const DAY_MS = 86_400_000;
/** Calendar days after the assignment: the workflow that follows it has no calendar of its own. */
export const milestoneSchedule = (assignedAt: Timestamp, parameters: EvaluationParameters): MilestoneSchedule => {
  const start = Date.parse(assignedAt);
  const { daysAfterAssignment, reminderDaysBefore } = parameters.keyEvaluationSchedule;
  const dueAt = Object.fromEntries(MILESTONES.map((m) => [m, new Date(start + daysAfterAssignment[m] * DAY_MS).toISOString()])) as Record<Milestone, Timestamp>;
  return { dueAt, reminderDaysBefore };
};

export type KeyEvaluationEvent =
  | Event<'KeyEvaluationSelected', By & { project: EvaluatedProject; reason: string }>
  | Event<'KeyEvaluationAssigned', By & { fiscalYear: number; agencyId: string; expertIds: readonly string[]; schedule: MilestoneSchedule }>
  /** 提醒 and 逾期, recorded by the schedule workflow (through the orchestrator): finance follows them up. */
  | Event<'KeyEvaluationMilestoneReminderSent', Notice>
  | Event<'KeyEvaluationMilestoneOverdue', Notice>
  | Event<'KeyEvaluationMilestoneReached', By & { milestone: 'work-plan' | 'fieldwork'; summary: string }>
  | Event<'KeyEvaluationDraftSubmitted', By & { indicators: readonly ScoredKeyIndicator[]; findings: string; recommendations: string; result: KeyResult }>
  | Event<'KeyEvaluationDraftReturned', By & { comments: string }>
  | Event<'KeyEvaluationDraftAccepted', By & { comments?: string }>
  /** The result other contexts act on (result-application): the project evaluated, by whom, score and grade. */
  | Event<'KeyEvaluationCompleted', By & { project: EvaluatedProject; agencyId: string; result: KeyResult }>;

type Acting = { actor: Actor; at: Timestamp };
export type KeyEvaluationCommand =
  | Command<'SelectForKeyEvaluation', Acting & { project: EvaluatedProject; reason: string }>
  | Command<'AssignKeyEvaluation', Acting & { parameters: EvaluationParameters; agency: Candidate; experts: readonly Candidate[] }>
  | Command<'RecordKeyEvaluationMilestoneNotice', Acting & { kind: 'reminder' | 'overdue'; milestone: Milestone; dueAt: Timestamp }>
  | Command<'ReachKeyEvaluationMilestone', Acting & { milestone: 'work-plan' | 'fieldwork'; summary: string }>
  | Command<'SubmitKeyEvaluationDraft', Acting & { parameters: EvaluationParameters; indicators: readonly ScoredKeyIndicator[]; findings: string; recommendations: string }>
  | Command<'ReviewKeyEvaluationDraft', Acting & { decision: 'accept' | 'return'; comments?: string }>
  | Command<'IssueKeyEvaluationReport', Acting>;

type Base = Readonly<{ project: EvaluatedProject }>;
type Assigned = Base & Readonly<{ agencyId: string; expertIds: readonly string[] }>;
/** A key evaluation is in exactly one of these cases; `stage` is the next milestone due. */
export type KeyEvaluationState =
  | Readonly<{ status: 'none' }>
  | (Base & Readonly<{ status: 'selected' }>)
  | (Assigned & Readonly<{ status: 'in-progress'; stage: 'work-plan' | 'fieldwork' | 'draft-report'; lastComments?: string }>)
  | (Assigned & Readonly<{ status: 'in-review'; draft: KeyResult }>)
  | (Assigned & Readonly<{ status: 'awaiting-final'; draft: KeyResult }>)
  | (Assigned & Readonly<{ status: 'completed'; result: KeyResult }>);

const NOT_FOUND = () => notFound('KEY_EVALUATION_NOT_FOUND', '未找到该重点评价');
const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

/** An evaluator sees and acts on only the evaluations assigned to its agency or to itself; others get "not found". */
export const isAssignedEvaluator = (actor: Actor, state: KeyEvaluationState): boolean =>
  actor.role === 'evaluator' && 'agencyId' in state && actor.unitId !== undefined && (state.agencyId === actor.unitId || state.expertIds.includes(actor.unitId));

const requireAssigned = (actor: Actor, state: KeyEvaluationState) => {
  if (actor.role !== 'evaluator') throw forbidden('ROLE_NOT_ALLOWED', '只有承担该项评价的第三方机构或专家可以提交');
  if (!isAssignedEvaluator(actor, state)) throw NOT_FOUND();
};

const candidateRefusal = (c: Candidate, unitId: string): string | undefined => {
  const who = `${c.kind === 'agency' ? '第三方机构' : '专家'}“${c.name}”`;
  if (c.status === 'unknown') return `${who}不在库中`;
  if (c.status === 'suspended') return `${who}已被暂停，不能承担评价任务`;
  if (c.status === 'removed') return `${who}已清退，不能承担评价任务`;
  if (c.linkedUnits.includes(unitId)) return `${who}与被评价单位存在关联关系，应当回避`;
  return undefined;
};

export const decideKeyEvaluation = (command: KeyEvaluationCommand, state: KeyEvaluationState): KeyEvaluationEvent[] => {
  const { actor, at } = command.data;
  const by = { by: actor.userId, at };
  switch (command.type) {
    case 'SelectForKeyEvaluation':
      if (actor.role !== 'finance-admin') throw forbidden('ROLE_NOT_ALLOWED', '只有财政管理员可以选定重点评价项目');
      if (state.status !== 'none') throw conflict('KEY_EVALUATION_EXISTS', '该项目已列入重点评价');
      return [{ type: 'KeyEvaluationSelected', data: { ...by, project: command.data.project, reason: command.data.reason } }];
    case 'AssignKeyEvaluation': {
      if (actor.role !== 'finance-admin') throw forbidden('ROLE_NOT_ALLOWED', '只有财政管理员可以委托第三方');
      if (state.status === 'none') throw NOT_FOUND();
      if (state.status !== 'selected') throw conflict('ALREADY_ASSIGNED', '该重点评价已委托');
      const { agency, experts } = command.data;
      if (agency.kind !== 'agency') throw invalid('AGENCY_REQUIRED', '须委托一家第三方机构', 'agency');
      if (experts.some((e) => e.kind !== 'expert')) throw invalid('EXPERT_INVALID', '专家名单中只能包含专家', 'experts');
      const refusal = [agency, ...experts].map((c) => candidateRefusal(c, state.project.unitId)).find(Boolean);
      if (refusal) throw invalid('ASSIGNMENT_REFUSED', refusal, 'agency');
      return [{ type: 'KeyEvaluationAssigned', data: { ...by, fiscalYear: state.project.fiscalYear, agencyId: agency.id, expertIds: experts.map((e) => e.id), schedule: milestoneSchedule(at, command.data.parameters) } }];
    }
    case 'RecordKeyEvaluationMilestoneNotice': {
      if (actor.role !== 'system') throw forbidden('ROLE_NOT_ALLOWED', '里程碑提醒和逾期由重点评价进度流程记录');
      if (state.status === 'none') throw NOT_FOUND();
      // A late notice of an evaluation already finished records nothing: the schedule may lag the facts.
      if (state.status === 'completed' || state.status === 'selected') return [];
      const { kind, milestone, dueAt } = command.data;
      return [{ type: kind === 'reminder' ? 'KeyEvaluationMilestoneReminderSent' : 'KeyEvaluationMilestoneOverdue', data: { ...by, milestone, dueAt } }];
    }
    case 'ReachKeyEvaluationMilestone': {
      if (state.status === 'none') throw NOT_FOUND();
      requireAssigned(actor, state);
      const { milestone, summary } = command.data;
      if (state.status !== 'in-progress' || state.stage !== milestone) {
        throw conflict('MILESTONE_OUT_OF_ORDER', `当前不能提交“${MILESTONE_LABELS[milestone]}”`);
      }
      if (blank(summary)) throw invalid('SUMMARY_REQUIRED', `须填写${MILESTONE_LABELS[milestone]}的内容摘要`, 'summary');
      return [{ type: 'KeyEvaluationMilestoneReached', data: { ...by, milestone, summary } }];
    }
    case 'SubmitKeyEvaluationDraft': {
      if (state.status === 'none') throw NOT_FOUND();
      requireAssigned(actor, state);
      if (state.status !== 'in-progress' || state.stage !== 'draft-report') throw conflict('MILESTONE_OUT_OF_ORDER', '完成工作方案和现场评价后才能提交报告初稿');
      const { parameters, indicators, findings, recommendations } = command.data;
      throwFirst(treeViolations(indicators, parameters));
      if (blank(findings)) throw invalid('FINDINGS_REQUIRED', '须写明评价发现的问题', 'findings');
      if (blank(recommendations)) throw invalid('RECOMMENDATIONS_REQUIRED', '须提出改进建议', 'recommendations');
      const { total, byLevel1 } = scoreTree(indicators);
      const graded = gradeOf(total, parameters);
      const result: KeyResult = { total: points(total), byLevel1, grade: graded.grade, gradeRule: graded.rule, findings, recommendations };
      return [{ type: 'KeyEvaluationDraftSubmitted', data: { ...by, indicators, findings, recommendations, result } }];
    }
    case 'ReviewKeyEvaluationDraft': {
      if (actor.role !== 'finance-reviewer') throw forbidden('ROLE_NOT_ALLOWED', '只有财政绩效审核人员可以审核评价报告');
      if (state.status === 'none') throw NOT_FOUND();
      if (state.status !== 'in-review') throw conflict('NOT_IN_REVIEW', '评价报告初稿尚未提交或已审核');
      if (command.data.decision === 'return') {
        if (blank(command.data.comments)) throw invalid('COMMENTS_REQUIRED', '退回报告初稿须填写审核意见', 'comments');
        return [{ type: 'KeyEvaluationDraftReturned', data: { ...by, comments: command.data.comments as string } }];
      }
      return [{ type: 'KeyEvaluationDraftAccepted', data: { ...by, ...(command.data.comments ? { comments: command.data.comments } : {}) } }];
    }
    case 'IssueKeyEvaluationReport':
      if (state.status === 'none') throw NOT_FOUND();
      requireAssigned(actor, state);
      if (state.status !== 'awaiting-final') throw conflict('NOT_ACCEPTED', '报告初稿经财政审核通过后才能出具正式报告');
      return [{ type: 'KeyEvaluationCompleted', data: { ...by, project: state.project, agencyId: state.agencyId, result: state.draft } }];
    default:
      return unreachable(command);
  }
};

export const evolveKeyEvaluation = (state: KeyEvaluationState, event: KeyEvaluationEvent): KeyEvaluationState => {
  switch (event.type) {
    case 'KeyEvaluationSelected':
      return { status: 'selected', project: event.data.project };
    case 'KeyEvaluationAssigned':
      return state.status === 'selected' ? { status: 'in-progress', stage: 'work-plan', project: state.project, agencyId: event.data.agencyId, expertIds: event.data.expertIds } : state;
    case 'KeyEvaluationMilestoneReached':
      return state.status === 'in-progress' ? { ...state, stage: event.data.milestone === 'work-plan' ? 'fieldwork' : 'draft-report' } : state;
    case 'KeyEvaluationDraftSubmitted':
      return state.status === 'in-progress' ? { status: 'in-review', project: state.project, agencyId: state.agencyId, expertIds: state.expertIds, draft: event.data.result } : state;
    case 'KeyEvaluationDraftReturned':
      return state.status === 'in-review' ? { status: 'in-progress', stage: 'draft-report', project: state.project, agencyId: state.agencyId, expertIds: state.expertIds, lastComments: event.data.comments } : state;
    case 'KeyEvaluationDraftAccepted':
      return state.status === 'in-review' ? { ...state, status: 'awaiting-final' } : state;
    case 'KeyEvaluationCompleted':
      return state.status === 'awaiting-final' ? { status: 'completed', project: state.project, agencyId: state.agencyId, expertIds: state.expertIds, result: event.data.result } : state;
    default:
      return state;
  }
};

export const keyEvaluationDecider: Decider<KeyEvaluationState, KeyEvaluationCommand, KeyEvaluationEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolveKeyEvaluation,
  decide: decideKeyEvaluation,
};
