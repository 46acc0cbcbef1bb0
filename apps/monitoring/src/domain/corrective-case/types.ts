export const CORRECTIVE_CHOICES = ['continue', 'reallocate', 'cancel'] as const;
/** The unit's answer: 继续 / 调剂 / 取消. */
export type CorrectiveChoice = (typeof CORRECTIVE_CHOICES)[number];
export const CORRECTIVE_CHOICE_LABELS: Readonly<Record<CorrectiveChoice, string>> = { continue: '继续', reallocate: '调剂', cancel: '取消' };

export const RESTRICTION_MODES = ['suspend', 'stop'] as const;
/** 暂缓拨款 / 停止拨款. */
export type RestrictionMode = (typeof RESTRICTION_MODES)[number];
export const RESTRICTION_MODE_LABELS: Readonly<Record<RestrictionMode, string>> = { suspend: '暂缓拨款', stop: '停止拨款' };
