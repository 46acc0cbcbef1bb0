export const EX_ANTE_CONCLUSIONS = ['support', 'support-after-adjustment', 'reject'] as const;
/** 支持 / 调整后支持 / 不予支持 */
export type ExAnteConclusion = (typeof EX_ANTE_CONCLUSIONS)[number];

export const EX_ANTE_CONCLUSION_LABELS: Record<ExAnteConclusion, string> = {
  support: '支持',
  'support-after-adjustment': '调整后支持',
  reject: '不予支持',
};

export const isPassing = (conclusion: ExAnteConclusion): boolean => conclusion !== 'reject';

/** What a goal approval carries about the project's assessment (a snapshot of its stream). */
export type ExAnteAssessmentOutcome = Readonly<{
  assessmentId: string;
  projectId: string;
  conclusion: ExAnteConclusion;
  totalScore: number;
}>;

export const isExAnteConclusion = (value: unknown): value is ExAnteConclusion =>
  typeof value === 'string' && (EX_ANTE_CONCLUSIONS as readonly string[]).includes(value);
