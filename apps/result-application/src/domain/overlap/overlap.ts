import { Command, Decider, Event, Timestamp, conflict, forbidden, notFound, unreachable } from '@bpm/decider';
import { Actor } from '../shared/actor';
import { similarity } from './similarity';

export type ProjectProfile = Readonly<{ projectId: string; projectName: string; unitId: string; fiscalYear: number; overallGoal: string; indicators: readonly string[] }>;

export type OverlapCandidate = Readonly<{
  candidateId: string;
  fiscalYear: number;
  projects: readonly [ProjectProfile, ProjectProfile];
  /** 0–1, two decimals: name 40%, overall goal 30%, indicators 30%. */
  score: number;
  parts: Readonly<{ name: number; goal: number; indicators: number }>;
  /** Indicator names alike in both (similarity ≥ 0.6), as "a ≈ b" when not identical. */
  sharedIndicators: readonly string[];
}>;

const ALIKE_INDICATOR = 0.6;
const round2 = (x: number) => Math.round(x * 100) / 100;

const indicatorMatches = (a: readonly string[], b: readonly string[]) => {
  const shared: string[] = [];
  for (const x of a) {
    let best: { name: string; s: number } | undefined;
    for (const y of b) {
      const s = similarity(x, y);
      if (s >= ALIKE_INDICATOR && (!best || s > best.s)) best = { name: y, s };
    }
    if (best) shared.push(best.name === x ? x : `${x} ≈ ${best.name}`);
  }
  // Share of indicators that have a look-alike, over the larger list.
  return { shared, score: shared.length / Math.max(a.length, b.length, 1) };
};

/**
 * 交叉重复、碎片化: pairs of projects of different units in the same year whose name, overall goal
 * and indicators are alike, best first. O(n²) pairs per year: a county has hundreds, not millions.
 */
export const findOverlaps = (projects: readonly ProjectProfile[], threshold: number): OverlapCandidate[] => {
  const found: OverlapCandidate[] = [];
  for (let i = 0; i < projects.length; i++) {
    for (let j = i + 1; j < projects.length; j++) {
      const [a, b] = [projects[i], projects[j]].sort((x, y) => x.projectId.localeCompare(y.projectId));
      if (a.unitId === b.unitId || a.fiscalYear !== b.fiscalYear) continue;
      const name = similarity(a.projectName, b.projectName);
      const goal = similarity(a.overallGoal, b.overallGoal);
      const ind = indicatorMatches(a.indicators, b.indicators);
      const score = round2(0.4 * name + 0.3 * goal + 0.3 * ind.score);
      if (score < threshold) continue;
      found.push({
        candidateId: `${a.fiscalYear}:${a.projectId}:${b.projectId}`,
        fiscalYear: a.fiscalYear,
        projects: [a, b],
        score,
        parts: { name: round2(name), goal: round2(goal), indicators: round2(ind.score) },
        sharedIndicators: ind.shared,
      });
    }
  }
  return found.sort((x, y) => y.score - x.score || x.candidateId.localeCompare(y.candidateId));
};

type Acting = { actor: Actor; at: Timestamp };
export type OverlapCommand =
  | Command<'ListOverlap', Acting & { candidate: OverlapCandidate }>
  | Command<'ConfirmOverlap', Acting & { note?: string }>
  | Command<'DismissOverlap', Acting & { note?: string }>;
export type OverlapEvent =
  | Event<'OverlapListed', { candidate: OverlapCandidate; at: Timestamp }>
  | Event<'OverlapConfirmed', { by: string; at: Timestamp; note?: string }>
  | Event<'OverlapDismissed', { by: string; at: Timestamp; note?: string }>;
export type OverlapState =
  | Readonly<{ status: 'none' }>
  | Readonly<{ status: 'listed' | 'confirmed' | 'dismissed'; candidate: OverlapCandidate }>;

export const decideOverlap = (command: OverlapCommand, state: OverlapState): OverlapEvent[] => {
  const { actor, at } = command.data;
  switch (command.type) {
    case 'ListOverlap':
      if (actor.role !== 'system' && actor.role !== 'finance-admin') throw forbidden('ROLE_NOT_ALLOWED', '交叉重复候选由系统或财政管理员列出');
      // Listed again by a later scan: once is enough; a decision stands.
      return state.status === 'none' ? [{ type: 'OverlapListed', data: { candidate: command.data.candidate, at } }] : [];
    case 'ConfirmOverlap':
    case 'DismissOverlap': {
      if (actor.role !== 'finance-admin') throw forbidden('ROLE_NOT_ALLOWED', '只有财政管理员可以确认或排除交叉重复');
      if (state.status === 'none') throw notFound('OVERLAP_NOT_FOUND', '未找到该交叉重复候选');
      if (state.status !== 'listed') throw conflict('OVERLAP_ALREADY_DECIDED', '该交叉重复候选已确认或排除');
      const note = command.data.note ? { note: command.data.note } : {};
      return [{ type: command.type === 'ConfirmOverlap' ? 'OverlapConfirmed' : 'OverlapDismissed', data: { by: actor.userId, at, ...note } }];
    }
    default:
      return unreachable(command);
  }
};

export const evolveOverlap = (state: OverlapState, event: OverlapEvent): OverlapState => {
  switch (event.type) {
    case 'OverlapListed':
      return state.status === 'none' ? { status: 'listed', candidate: event.data.candidate } : state;
    case 'OverlapConfirmed':
      return state.status === 'listed' ? { ...state, status: 'confirmed' } : state;
    case 'OverlapDismissed':
      return state.status === 'listed' ? { ...state, status: 'dismissed' } : state;
    default:
      return state;
  }
};

export const overlapDecider: Decider<OverlapState, OverlapCommand, OverlapEvent> = { initialState: () => ({ status: 'none' }), evolve: evolveOverlap, decide: decideOverlap };
