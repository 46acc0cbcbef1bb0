import { IndicatorActual } from '../warnings';

export const DEVIATION_CAUSES = ['funding', 'institutional', 'staffing', 'hardware', 'other'] as const;
/** 偏差原因: 经费 / 制度 / 人员 / 硬件 / 其他. */
export type DeviationCause = (typeof DEVIATION_CAUSES)[number];
export const DEVIATION_CAUSE_LABELS: Readonly<Record<DeviationCause, string>> = {
  funding: '经费',
  institutional: '制度',
  staffing: '人员',
  hardware: '硬件',
  other: '其他',
};

/** Why a figure deviates, and what the unit will do about it (原因说明, 改进措施). */
export type Deviation = Readonly<{ cause: DeviationCause; explanation: string; measure: string }>;

/** One indicator's line in a report: actual to date, likelihood, and the deviation when there is one. */
export type IndicatorProgress = IndicatorActual & Readonly<{ deviation?: Deviation }>;

/** What the unit fills in (execution figures are never typed: they come from the import). */
export type ReportContent = Readonly<{
  indicators: readonly IndicatorProgress[];
  /** Required when the execution ratio is not green. */
  executionDeviation?: Deviation;
}>;

export const REPORT_KINDS = ['project', 'department-wide'] as const;
/** 项目 monthly report, or the 部门整体 report at the June node. */
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Where imported figures came from: the import batch and its file's content hash. */
export type FiguresSource = Readonly<{ importId: string; contentHash: string; channel: 'file' | 'api' | 'manual' }>;
