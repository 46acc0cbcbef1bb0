/** 等级 / 审核评级: 优 / 良 / 中 / 差. Codes in English on the wire, labels in Chinese for people. */
export const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type Grade = (typeof GRADES)[number];
/** The rating a reviewer gives a goal table is a grade. */
export type ReviewRating = Grade;

export const GRADE_LABELS: Record<Grade, string> = {
  excellent: '优',
  good: '良',
  fair: '中',
  poor: '差',
};

export const isGrade = (value: unknown): value is Grade =>
  typeof value === 'string' && (GRADES as readonly string[]).includes(value);
