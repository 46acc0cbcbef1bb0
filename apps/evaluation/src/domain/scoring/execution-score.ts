import { invalid } from '@bpm/decider';
import { D, Dec, show } from './exact';

/** 预算执行率得分 = min(executed ÷ budget × points, points); money in fen, exact. */
export const scoreExecution = (executedFen: number, budgetFen: number, maxPoints: number): { points: Dec; rule: string } => {
  if (!Number.isSafeInteger(budgetFen) || budgetFen <= 0) {
    throw invalid('BUDGET_INVALID', '项目年度预算应为大于0的金额，无法计算预算执行率', 'budget');
  }
  if (!Number.isSafeInteger(executedFen) || executedFen < 0) {
    throw invalid('EXECUTED_INVALID', '实际支出应为不小于0的金额', 'executed');
  }
  const rate = new D(executedFen).div(budgetFen);
  const raw = rate.mul(maxPoints);
  const points = D.min(raw, maxPoints);
  const yuan = (fen: number) => new D(fen).div(100).toFixed(2);
  return {
    points,
    rule: `预算执行率=${yuan(executedFen)}÷${yuan(budgetFen)}=${show(rate.mul(100))}%，得分=min(${show(rate.mul(100))}%×${maxPoints}，${maxPoints})=${show(points)}`,
  };
};
