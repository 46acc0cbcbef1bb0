import { ExecutionFigures, validateExecutionFigures } from '../execution';
import { DomainError, invalid, isBlank, isFiniteNumber, precondition } from '../shared';
import { LIKELIHOODS, LIKELIHOOD_LABELS, MonitoredIndicator, Signal, assessMonth } from '../warnings';
import { Report } from './state';
import { DEVIATION_CAUSES, Deviation, ReportContent } from './types';

/** Figures must be valid and belong to this report's project, year and month. */
export const figuresFitReport = (figures: ExecutionFigures, report: Pick<Report, 'projectId' | 'fiscalYear' | 'month'>): DomainError[] => {
  const problems = validateExecutionFigures(figures).map((p) => invalid(p.code, p.message, `figures.${p.field}`));
  if (problems.length > 0) return problems;
  if (figures.projectId !== report.projectId || figures.fiscalYear !== report.fiscalYear || figures.month !== report.month) {
    return [
      invalid(
        'FIGURES_REPORT_MISMATCH',
        `执行数据属于项目“${figures.projectId}”${figures.fiscalYear}年${figures.month}月，不是本报告的项目“${report.projectId}”${report.fiscalYear}年${report.month}月`,
        'figures',
      ),
    ];
  }
  return [];
};

const deviationProblems = (d: Deviation | undefined, field: string, what: string): DomainError[] => {
  if (d === undefined) return [];
  const problems: DomainError[] = [];
  if (!(DEVIATION_CAUSES as readonly string[]).includes(d.cause)) {
    problems.push(invalid('DEVIATION_CAUSE_INVALID', `${what}的偏差原因“${String(d.cause)}”无效，应为经费、制度、人员、硬件或其他`, `${field}.cause`));
  }
  return problems;
};

/** Each line well-formed: a known indicator, once, an actual of the right kind, a valid likelihood and cause. */
export const contentProblems = (content: ReportContent, indicators: readonly MonitoredIndicator[]): DomainError[] => {
  const problems: DomainError[] = [];
  const seen = new Set<string>();
  content.indicators.forEach((line, i) => {
    const field = `content.indicators[${i}]`;
    const indicator = indicators.find((x) => x.name === line.indicatorName);
    if (!indicator) {
      problems.push(invalid('INDICATOR_UNKNOWN', `指标“${line.indicatorName}”不在本项目经批复的绩效目标中`, `${field}.indicatorName`));
      return;
    }
    if (seen.has(line.indicatorName)) {
      problems.push(invalid('INDICATOR_DUPLICATE', `指标“${line.indicatorName}”重复填报`, `${field}.indicatorName`));
    }
    seen.add(line.indicatorName);
    if (indicator.direction === 'qualitative' ? isBlank(line.actual) : !isFiniteNumber(line.actual) || line.actual < 0) {
      problems.push(
        invalid(
          'ACTUAL_INVALID',
          indicator.direction === 'qualitative'
            ? `定性指标“${indicator.name}”须填写完成情况说明`
            : `指标“${indicator.name}”的累计完成值应为非负数值，当前为“${String(line.actual)}”`,
          `${field}.actual`,
        ),
      );
    }
    if (!(LIKELIHOODS as readonly string[]).includes(line.likelihood)) {
      problems.push(
        invalid('LIKELIHOOD_INVALID', `指标“${indicator.name}”的完成可能性“${String(line.likelihood)}”无效，应为确定能、有可能或完全不可能`, `${field}.likelihood`),
      );
    }
    problems.push(...deviationProblems(line.deviation, `${field}.deviation`, `指标“${indicator.name}”`));
  });
  problems.push(...deviationProblems(content.executionDeviation, 'content.executionDeviation', '预算执行'));
  return problems;
};

const needsMeasure = (d: Deviation | undefined, field: string, what: string, why: string): DomainError[] => {
  if (!d) return [invalid('DEVIATION_REQUIRED', `${what}存在偏差（${why}），须填写偏差原因、原因说明和改进措施`, field)];
  const problems: DomainError[] = [];
  if (isBlank(d.explanation)) problems.push(invalid('DEVIATION_EXPLANATION_REQUIRED', `${what}存在偏差，须填写原因说明`, `${field}.explanation`));
  if (isBlank(d.measure)) problems.push(invalid('DEVIATION_MEASURE_REQUIRED', `${what}存在偏差，须填写改进措施`, `${field}.measure`));
  return problems;
};

/**
 * Before submission: figures imported, every indicator reported, and for every deviation
 * (a red or yellow signal, or a likelihood short of 确定能) its cause, explanation and measure.
 */
export const submissionProblems = (report: Report, content: ReportContent | undefined): DomainError[] => {
  if (!content) return [precondition('REPORT_NOT_DRAFTED', '监控报告尚未填写，不能提交')];
  if (!report.execution) {
    return [precondition('EXECUTION_FIGURES_MISSING', `项目“${report.projectId}”${report.month}月的预算执行数据尚未导入，暂不能提交监控报告`)];
  }
  const problems = contentProblems(content, report.indicators);
  for (const indicator of report.indicators) {
    if (!content.indicators.some((l) => l.indicatorName === indicator.name)) {
      problems.push(invalid('INDICATOR_NOT_REPORTED', `指标“${indicator.name}”未填报累计完成值和完成可能性`, 'content.indicators'));
    }
  }
  if (problems.length > 0) return problems;
  const { signals } = assessMonth({
    month: report.month,
    execution: report.execution.figures,
    indicators: report.indicators,
    actuals: content.indicators,
    parameters: report.parameters,
  });
  const deviates = (s: Signal | undefined) => s !== undefined && (s.level === 'red' || s.level === 'yellow');
  const execution = signals.find((s) => s.subject.kind === 'execution');
  if (deviates(execution)) {
    problems.push(...needsMeasure(content.executionDeviation, 'content.executionDeviation', '预算执行', execution?.explanation ?? ''));
  }
  content.indicators.forEach((line, i) => {
    const signal = signals.find((s) => s.subject.kind === 'indicator' && s.subject.indicatorName === line.indicatorName && s.rule !== 'target-too-low');
    const why = deviates(signal) ? signal?.explanation : line.likelihood !== 'certain' ? `完成可能性为“${LIKELIHOOD_LABELS[line.likelihood]}”` : undefined;
    if (why !== undefined) problems.push(...needsMeasure(line.deviation, `content.indicators[${i}].deviation`, `指标“${line.indicatorName}”`, why));
  });
  return problems;
};
