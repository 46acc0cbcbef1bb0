import { ResultApplicationParameters } from '../parameters';
import { percentOfFen, yuan } from '../shared/money';

export type Grade = 'excellent' | 'good' | 'fair' | 'poor';
export const GRADE_LABELS: Record<Grade, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };

/** What the proposal reads about one project: its grade, its open cases and its execution data. */
export type ProjectOutcome = Readonly<{
  projectId: string;
  projectName: string;
  unitId: string;
  /** The evaluated year; the proposal is for the year after. */
  fiscalYear: number;
  grade: Grade;
  /** 多年连续项目: next year's amount is the continuing amount, adjusted. */
  continuing: boolean;
  /** Next year's requested amount (continuing amount or new request), fen. */
  requestedFen: number;
  /** This year's budget and payments, fen (预算管理一体化平台). */
  budgetFen: number;
  executedFen: number;
  /** 结转 / 结余 at year end, fen. */
  carryOverFen: number;
  balanceFen: number;
  /** Rectification cases of this project not yet verified closed. */
  unfixedRectifications: number;
}>;

export type ProposalAction = 'priority' | 'keep' | 'cut' | 'cancel' | 'suspend';
export const ACTION_LABELS: Record<ProposalAction, string> = { priority: '优先保障', keep: '保持', cut: '压减', cancel: '取消', suspend: '暂停' };

export type ProposalFlag =
  | Readonly<{ code: 'CLEAR_CARRY_OVER'; amountFen: number; message: string }>
  | Readonly<{ code: 'RECOVER_IDLE_FUNDS'; amountFen: number; message: string }>;

export type BudgetProposal = Readonly<{
  projectId: string;
  projectName: string;
  unitId: string;
  fiscalYear: number;
  grade: Grade;
  action: ProposalAction;
  requestedFen: number;
  cutFen: number;
  proposedFen: number;
  flags: readonly ProposalFlag[];
  /** The rules applied with their numbers, in Chinese, in the order applied. */
  explanation: readonly string[];
}>;

const pct = (n: number) => `${n}%`;

/**
 * 预算安排建议: next year's amount for one project from its grade, its unfixed rectifications and
 * its execution data. Pure; every rule and number shows in the explanation.
 */
export const proposeBudget = (o: ProjectOutcome, p: ResultApplicationParameters): BudgetProposal => {
  const explanation: string[] = [];
  const label = GRADE_LABELS[o.grade];
  const base = o.continuing ? `连续项目下年度延续金额${yuan(o.requestedFen)}` : `下年度申请金额${yuan(o.requestedFen)}`;
  let action: ProposalAction;
  let cutFen = 0;
  if (o.grade === 'poor') {
    action = p.poorAction;
    cutFen = o.requestedFen;
    explanation.push(`评价等级为${label}，按规定${ACTION_LABELS[action]}该项目，${base}全部不予安排`);
  } else {
    if (o.grade === 'excellent') {
      action = 'priority';
      explanation.push(`评价等级为${label}，${base}优先保障`);
    } else if (o.grade === 'good') {
      action = 'keep';
      explanation.push(`评价等级为${label}，${base}保持不变`);
    } else {
      action = 'cut';
      cutFen = percentOfFen(o.requestedFen, p.fairCutPercent);
      explanation.push(`评价等级为${label}，${base}按${pct(p.fairCutPercent)}压减${yuan(cutFen)}`);
    }
    if (o.unfixedRectifications > 0) {
      const extra = percentOfFen(o.requestedFen, p.unfixedRectificationCutPercent);
      cutFen += extra;
      if (action !== 'cut') action = 'cut';
      explanation.push(`有${o.unfixedRectifications}项整改未到位，再按${pct(p.unfixedRectificationCutPercent)}压减${yuan(extra)}`);
    }
  }
  cutFen = Math.min(cutFen, o.requestedFen);
  const flags: ProposalFlag[] = [];
  const carried = o.carryOverFen + o.balanceFen;
  if (carried > 0) {
    flags.push({ code: 'CLEAR_CARRY_OVER', amountFen: carried, message: `年末结转${yuan(o.carryOverFen)}、结余${yuan(o.balanceFen)}，应清理结转结余` });
  }
  // Execution rate compared as integers: executed × 100 < budget × threshold, no rounding.
  if (o.budgetFen > 0 && o.executedFen * 100 < o.budgetFen * p.idleExecutionPercent) {
    const idle = o.budgetFen - o.executedFen;
    flags.push({
      code: 'RECOVER_IDLE_FUNDS',
      amountFen: idle,
      message: `预算${yuan(o.budgetFen)}仅支出${yuan(o.executedFen)}，执行率低于${pct(p.idleExecutionPercent)}，闲置资金${yuan(idle)}建议收回`,
    });
  }
  explanation.push(...flags.map((f) => f.message));
  const proposedFen = o.requestedFen - cutFen;
  explanation.push(`建议下年度安排${yuan(proposedFen)}`);
  return { projectId: o.projectId, projectName: o.projectName, unitId: o.unitId, fiscalYear: o.fiscalYear + 1, grade: o.grade, action, requestedFen: o.requestedFen, cutFen, proposedFen, flags, explanation };
};

/** Totals per grade for the proposals table. */
export const totalsByGrade = (proposals: readonly Pick<BudgetProposal, 'grade' | 'requestedFen' | 'proposedFen'>[]) =>
  (Object.keys(GRADE_LABELS) as Grade[]).map((grade) => {
    const of = proposals.filter((x) => x.grade === grade);
    return { grade, count: of.length, requestedFen: of.reduce((s, x) => s + x.requestedFen, 0), proposedFen: of.reduce((s, x) => s + x.proposedFen, 0) };
  });
