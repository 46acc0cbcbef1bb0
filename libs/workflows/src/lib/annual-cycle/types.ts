/**
 * The annual cycle (年度预算绩效管理循环): the payloads its workflow, its activities and its
 * callers share. Plain data only; part of the workflow bundle, so nothing here does I/O.
 */
import type { Actor } from '@bpm/contracts';

/**
 * The phases of one region's fiscal year Y, in order (see DOMAIN.md, "The annual cycle").
 * Each ends at its deadline in the calendar; `closed` is after the last.
 */
export const CYCLE_PHASES = [
  'goal-declaration', // 绩效目标申报: autumn of Y-1, with the budget request
  'goal-review', // 绩效目标审核: finance reviews until the review deadline
  'budget-issue', // 预算批复: the budget issued with its approved goals
  'monitoring', // 绩效运行监控: monthly, department-wide at the June node
  'year-end', // 年度终了: accounts closed
  'self-evaluation', // 单位自评
  'key-evaluation', // 重点评价
  'result-application', // 结果应用: result notices and rectification
  'disclosure', // 公开
  'next-year-budget', // 下年度预算编制: results feed Y+1's proposals
] as const;
export type ActivePhase = (typeof CYCLE_PHASES)[number];
export type CyclePhase = ActivePhase | 'not-started' | 'closed';

/** ISO instants. A phase runs from the previous phase's end (or `opensAt`) until its deadline. */
export type CycleCalendar = Readonly<{
  opensAt: string;
  deadlines: Readonly<Record<ActivePhase, string>>;
  /** The June department-wide monitoring node (部门整体监控节点), inside `monitoring`. */
  departmentWideNodeAt: string;
}>;

export type AnnualCycleInput = Readonly<{
  region: string;
  fiscalYear: number;
  /** Omitted: the defaults for the region and year (`defaultCalendar`). */
  calendar?: CycleCalendar;
  /** Who started the year (a finance admin); recorded with the first event. */
  startedBy: Actor;
  correlationId: string;
  /** Continue as new once the history has this many events (default 2,000; tests use less). */
  historyLimit?: number;
  /** The state carried over by continue-as-new; absent on the first run. */
  carried?: CycleState;
}>;

/** What a stage's activity answered: started (maybe waiting for the stage to report done), or not built yet. */
export type StageOutcome =
  | Readonly<{ kind: 'started'; reference?: string; awaitsCompletion: boolean; summary?: string }>
  | Readonly<{ kind: 'not-available'; reason: string }>;

export type PhaseEventType =
  | 'AnnualCycleStarted'
  | 'CyclePhaseEntered'
  | 'CycleStageStarted'
  | 'CycleStageNotAvailable'
  | 'CycleStageCompleted'
  | 'CycleMilestoneReached'
  | 'CyclePhaseOverdue'
  | 'CycleDeadlineExtended'
  | 'CyclePhaseAdvancedManually'
  | 'AnnualCycleClosed';

/** One line of the phase history, and the data of the event recorded for it. */
export type PhaseEvent = Readonly<{
  type: PhaseEventType;
  phase: CyclePhase;
  at: string;
  /** The stream version the event got (1-based). */
  version: number;
  by?: string;
  reason?: string;
  detail?: string;
  deadline?: string;
  previousDeadline?: string;
}>;

/** The state a run carries to the next one (continue-as-new). */
export type CycleState = Readonly<{
  phase: CyclePhase;
  calendar: CycleCalendar;
  /** Phases whose stage is started and still waits for its completion. */
  awaitingCompletion: readonly ActivePhase[];
  /** `phase@deadline` of each deadline passed while its phase waited (recorded once each). */
  overdue: readonly string[];
  milestones: readonly string[];
  history: readonly PhaseEvent[];
  runs: number;
}>;

export type LateItem = Readonly<{ phase: ActivePhase; deadline: string; daysLate: number }>;

/** The cycle as the finance admin sees it (query `annualCycle`). */
export type AnnualCycleStatus = Readonly<{
  region: string;
  fiscalYear: number;
  phase: CyclePhase;
  deadline?: string;
  calendar: CycleCalendar;
  late: readonly LateItem[];
  history: readonly PhaseEvent[];
  runs: number;
}>;

/** `extendDeadline` update: a finance admin moves a phase's deadline later. */
export type DeadlineExtension = Readonly<{ phase: ActivePhase; newDeadline: string; reason: string; actor: Actor; correlationId: string }>;
/** `advancePhase` update: a finance admin ends the current phase by hand. */
export type PhaseAdvance = Readonly<{ fromPhase: ActivePhase; reason: string; actor: Actor; correlationId: string }>;
/** `stageCompleted` signal: the stage's owner reports the phase's work done. */
export type StageCompletion = Readonly<{ phase: ActivePhase; at: string; summary?: string }>;

export const annualCycleWorkflowId = (region: string, fiscalYear: number): string => `annual-cycle-${region}-${fiscalYear}`;
export const annualCycleStream = (region: string, fiscalYear: number): string => `annualCycle-${region}-${fiscalYear}`;
