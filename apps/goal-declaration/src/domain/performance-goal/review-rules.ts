import { EX_ANTE_CONCLUSION_LABELS, ExAnteAssessmentOutcome, isPassing } from '../ex-ante-assessment/conclusion';
import { requiresExAnteAssessment } from '../ex-ante-assessment/requirement';
import { GRADE_LABELS, Grade, grade, isGrade } from '../grades';
import { GoalDeclarationParameters } from '../parameters';
import { Project } from '../project';
import { DomainError, isBlank, trimmed } from '../shared';
import { GoalDeclaration, IndicatorComment, REVIEW_DECISIONS, REVIEW_DECISION_LABELS, ReviewDecision } from './types';

export const RATINGS_BY_DECISION: Record<ReviewDecision, readonly Grade[]> = {
  approve: ['excellent', 'good'],
  return: ['fair'],
  reject: ['poor'],
};

/** 优/良 approve, 中 returns, 差 rejects: the rating must fit the decision. */
export const ratingFitsDecision = (decision: ReviewDecision, rating: Grade): DomainError[] => {
  if (!(REVIEW_DECISIONS as readonly string[]).includes(decision)) {
    return [new DomainError('DECISION_INVALID', `审核结论“${decision}”无效，应为审核通过、退回修改或不予通过`, 'decision')];
  }
  if (!isGrade(rating)) {
    return [new DomainError('RATING_INVALID', `审核评级“${rating}”无效，应为优、良、中、差之一`, 'rating')];
  }
  const allowed = RATINGS_BY_DECISION[decision];
  return allowed.includes(rating)
    ? []
    : [
        new DomainError(
          'RATING_INCONSISTENT',
          `审核结论“${REVIEW_DECISION_LABELS[decision]}”与评级“${GRADE_LABELS[rating]}”不一致：应评为“${allowed.map((g) => GRADE_LABELS[g]).join('”或“')}”`,
          'rating',
        ),
      ];
};

/** A review score, when given, must grade to the rating. */
export const scoreFitsRating = (score: number | undefined, rating: Grade, params: GoalDeclarationParameters): DomainError[] => {
  if (score === undefined) return [];
  if (!Number.isFinite(score) || score < 0 || score > 100) {
    return [new DomainError('SCORE_INVALID', `审核得分“${score}”无效：应为0至100之间的数值`, 'score')];
  }
  const expected = grade(score, params.gradeThresholds);
  return expected === rating
    ? []
    : [
        new DomainError(
          'SCORE_RATING_MISMATCH',
          `审核得分${score}分对应等级“${GRADE_LABELS[expected]}”，与评级“${GRADE_LABELS[rating]}”不一致`,
          'score',
        ),
      ];
};

/** Returning names what to fix, per indicator of the submitted goal table. */
export const returnCommentsPerIndicator = (
  comments: readonly IndicatorComment[] | undefined,
  declaration: GoalDeclaration | undefined,
): DomainError[] => {
  if (!comments || comments.length === 0) {
    return [new DomainError('INDICATOR_COMMENTS_REQUIRED', '退回修改须逐项填写指标审核意见', 'indicatorComments')];
  }
  const names = new Set((declaration?.indicators ?? []).map((i) => trimmed(i.name)));
  return comments.flatMap((c, index) => {
    const field = `indicatorComments[${index}]`;
    if (!names.has(trimmed(c.indicatorName))) {
      return [new DomainError('INDICATOR_COMMENT_UNKNOWN', `审核意见所指指标“${c.indicatorName}”不在申报的绩效目标表中`, `${field}.indicatorName`)];
    }
    if (isBlank(c.comment)) {
      return [new DomainError('INDICATOR_COMMENT_BLANK', `指标“${c.indicatorName}”的审核意见为空`, `${field}.comment`)];
    }
    return [];
  });
};

export const rejectReasonRequired = (comments: string | undefined): DomainError[] =>
  isBlank(comments) ? [new DomainError('REJECT_REASON_REQUIRED', '不予通过须填写审核意见（不予通过的理由）', 'comments')] : [];

/**
 * A project that needs 事前绩效评估 is approved only with a passing one
 * (支持 or 调整后支持) for this very project.
 */
export const exAnteAssessmentPasses = (
  project: Project,
  params: GoalDeclarationParameters,
  outcome: ExAnteAssessmentOutcome | undefined,
): DomainError[] => {
  if (!requiresExAnteAssessment(project, params)) return [];
  if (!outcome) {
    return [
      new DomainError(
        'EX_ANTE_ASSESSMENT_REQUIRED',
        `项目“${project.name}”须开展事前绩效评估，未经评估不得审核通过`,
        'exAnteAssessment',
      ),
    ];
  }
  if (outcome.projectId !== project.projectId) {
    return [
      new DomainError(
        'EX_ANTE_ASSESSMENT_MISMATCH',
        `事前绩效评估“${outcome.assessmentId}”属于项目“${outcome.projectId}”，不是本项目“${project.projectId}”`,
        'exAnteAssessment.projectId',
      ),
    ];
  }
  return isPassing(outcome.conclusion)
    ? []
    : [
        new DomainError(
          'EX_ANTE_ASSESSMENT_NOT_PASSED',
          `项目“${project.name}”事前绩效评估结论为“${EX_ANTE_CONCLUSION_LABELS[outcome.conclusion]}”，不得审核通过`,
          'exAnteAssessment.conclusion',
        ),
      ];
};
