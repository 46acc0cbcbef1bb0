import { ExecutionFigures, executionRatio, executionRatioText, executionRate, timeProgress } from '../execution';
import { MonitoringParameters } from '../parameters';
import { percent } from '../shared/rational';
import { bandClause, bandOf } from './bands';
import { Signal } from './types';

/**
 * 执行进度预警: execution ratio = (paid ÷ budget) ÷ (month ÷ 12), banded by the region's
 * execution-ratio thresholds.
 */
export const assessExecution = (f: ExecutionFigures, p: Pick<MonitoringParameters, 'executionRatioBands'>): Signal => {
  const ratio = executionRatio(f);
  const level = bandOf(ratio, p.executionRatioBands);
  return {
    rule: 'execution-ratio',
    subject: { kind: 'execution' },
    level,
    figures: {
      budget: f.budget,
      paid: f.paid,
      month: f.month,
      executionRatePercent: percent(executionRate(f)),
      timeProgressPercent: percent(timeProgress(f.month)),
      executionRatioPercent: percent(ratio),
      redThresholdPercent: p.executionRatioBands.red,
      yellowThresholdPercent: p.executionRatioBands.yellow,
    },
    explanation: `${executionRatioText(f)}，${bandClause(level, p.executionRatioBands)}`,
  };
};
