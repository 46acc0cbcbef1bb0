import { DomainError, isBlank, requireRole, throwFirst, unknownCommand } from '../shared';
import { CompleteExAnteAssessment, ExAnteAssessmentCommand, StartExAnteAssessment } from './commands';
import { EX_ANTE_CONCLUSION_LABELS, isExAnteConclusion } from './conclusion';
import { ExAnteAssessmentEvent } from './events';
import { requiresExAnteAssessment } from './requirement';
import { dimensionsComplete, exAnteConclusion, normalisedScore, scoreDimensions, subItemsValid } from './scoring';
import { ExAnteAssessmentState } from './state';

const start = ({ data }: StartExAnteAssessment, state: ExAnteAssessmentState): ExAnteAssessmentEvent[] => {
  requireRole(data.actor, 'finance-reviewer');
  if (state.status !== 'not-started') {
    throw new DomainError('ASSESSMENT_ALREADY_STARTED', `事前绩效评估“${data.assessmentId}”已开始`, 'assessmentId');
  }
  if (isBlank(data.project.projectId)) {
    throw new DomainError('PROJECT_ID_REQUIRED', '事前绩效评估缺少被评估项目', 'project.projectId');
  }
  const p = data.parameters;
  return [
    {
      type: 'ExAnteAssessmentStarted',
      data: {
        assessmentId: data.assessmentId,
        projectId: data.project.projectId,
        projectName: data.project.name,
        unitId: data.project.unitId,
        required: requiresExAnteAssessment(data.project, p),
        ...(data.assessorId === undefined ? {} : { assessorId: data.assessorId }),
        dimensionMaxScore: p.exAnteDimensionMaxScore,
        conclusionThresholds: p.exAnteConclusionThresholds,
        by: data.actor.userId,
        at: data.at,
      },
    },
  ];
};

const complete = ({ data }: CompleteExAnteAssessment, state: ExAnteAssessmentState): ExAnteAssessmentEvent[] => {
  if (state.status === 'not-started') {
    throw new DomainError('ASSESSMENT_NOT_STARTED', `事前绩效评估“${data.assessmentId}”尚未开始`, 'assessmentId');
  }
  if (state.status === 'completed') {
    throw new DomainError('ASSESSMENT_ALREADY_COMPLETED', `事前绩效评估“${data.assessmentId}”已形成结论，不能重复评分`, 'assessmentId');
  }
  const { started } = state;
  // Finance, or the evaluator (第三方/专家) it was assigned to.
  requireRole(data.actor, 'finance-reviewer', 'evaluator');
  if (data.actor.role === 'evaluator' && data.actor.userId !== started.assessorId) {
    throw new DomainError('NOT_ASSIGNED_ASSESSOR', '该事前绩效评估未委托给当前评价人员', 'actor.userId');
  }
  throwFirst(dimensionsComplete(data.dimensions));
  throwFirst(subItemsValid(data.dimensions, started.dimensionMaxScore));
  if (isBlank(data.opinion)) {
    throw new DomainError('OPINION_REQUIRED', '事前绩效评估须填写评估意见', 'opinion');
  }

  const dimensions = scoreDimensions(data.dimensions, started.dimensionMaxScore);
  const totalScore = Math.round(dimensions.reduce((s, d) => s + d.score, 0) * 100) / 100;
  const normalised = normalisedScore(totalScore, started.dimensionMaxScore);
  const derived = exAnteConclusion(normalised, started.conclusionThresholds);
  if (data.conclusion !== undefined) {
    if (!isExAnteConclusion(data.conclusion)) {
      throw new DomainError('CONCLUSION_INVALID', `评估结论“${data.conclusion}”无效，应为支持、调整后支持或不予支持`, 'conclusion');
    }
    if (data.conclusion !== derived) {
      throw new DomainError(
        'CONCLUSION_INCONSISTENT',
        `评估结论“${EX_ANTE_CONCLUSION_LABELS[data.conclusion]}”与得分${normalised}分不符：按分数线应为“${EX_ANTE_CONCLUSION_LABELS[derived]}”`,
        'conclusion',
      );
    }
  }
  return [
    {
      type: 'ExAnteAssessmentCompleted',
      data: {
        assessmentId: started.assessmentId,
        projectId: started.projectId,
        dimensions,
        totalScore,
        normalisedScore: normalised,
        conclusion: derived,
        opinion: data.opinion,
        by: data.actor.userId,
        at: data.at,
      },
    },
  ];
};

export const decide = (command: ExAnteAssessmentCommand, state: ExAnteAssessmentState): ExAnteAssessmentEvent[] => {
  switch (command.type) {
    case 'StartExAnteAssessment':
      return start(command, state);
    case 'CompleteExAnteAssessment':
      return complete(command, state);
    default:
      return unknownCommand(command);
  }
};
