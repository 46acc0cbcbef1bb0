import { Decider, conflict, forbidden, invalid, notFound, throwFirst, unreachable } from '@bpm/decider';
import { validateQualitativeScores } from './qualitative-scores';
import { scoreSelfEvaluation } from '../scoring';
import { Actor } from '../shared/actor';
import { SelfEvaluationCommand } from './commands';
import { SelfEvaluationEvent } from './events';
import { evolveSelfEvaluation } from './evolve';
import { draftViolations, flagsOf, missingReasons, toScoringInput } from './rules';
import { SelfEvaluationState, initialSelfEvaluationState } from './state';

const NOT_FOUND = () => notFound('SELF_EVALUATION_NOT_FOUND', '未找到该项目的单位自评');

/** Another unit's record answers exactly as a missing one does. */
const requireOwnUnit = (actor: Actor, unitId: string) => {
  if (actor.role !== 'unit') throw forbidden('ROLE_NOT_ALLOWED', '只有预算单位经办人可以填报单位自评');
  if (actor.unitId !== unitId) throw NOT_FOUND();
};

export const decideSelfEvaluation = (command: SelfEvaluationCommand, state: SelfEvaluationState): SelfEvaluationEvent[] => {
  switch (command.type) {
    case 'OpenSelfEvaluation': {
      const { actor, ...data } = command.data;
      if (actor.role !== 'system' && actor.role !== 'finance-admin') throw forbidden('ROLE_NOT_ALLOWED', '单位自评由年度流程或财政管理员开启');
      if (state.status !== 'none') throw conflict('SELF_EVALUATION_ALREADY_OPEN', '该项目的单位自评已开启');
      if (data.indicators.length === 0) throw invalid('INDICATORS_REQUIRED', '已批复的绩效目标中没有指标，无法开启自评', 'indicators');
      return [{ type: 'SelfEvaluationOpened', data }];
    }
    case 'FillSelfEvaluation': {
      if (state.status === 'none') throw NOT_FOUND();
      requireOwnUnit(command.data.actor, state.opened.unitId);
      if (state.status !== 'open') throw conflict('SELF_EVALUATION_NOT_EDITABLE', '单位自评已提交或已通过审核，不能修改');
      const { actuals, reasons, executionCorrection } = command.data;
      const filled = { actuals, reasons, ...(executionCorrection ? { executionCorrection } : {}) };
      throwFirst(draftViolations(state.opened, filled));
      return [{ type: 'SelfEvaluationFilled', data: { by: command.data.actor.userId, at: command.data.at, ...filled } }];
    }
    case 'SubmitSelfEvaluation': {
      if (state.status === 'none') throw NOT_FOUND();
      requireOwnUnit(command.data.actor, state.opened.unitId);
      if (state.status !== 'open') throw conflict('SELF_EVALUATION_NOT_EDITABLE', '单位自评已提交或已通过审核，不能重复提交');
      const derivation = scoreSelfEvaluation(toScoringInput(state.opened, state.filled), command.data.parameters);
      throwFirst(missingReasons(derivation, state.filled));
      const flags = flagsOf(state.opened, state.filled, derivation, command.data.parameters);
      return [
        {
          type: 'SelfEvaluationSubmitted',
          data: { by: command.data.actor.userId, at: command.data.at, round: state.round, total: derivation.total, grade: derivation.grade, derivation, flags },
        },
      ];
    }
    case 'ReviewSelfEvaluation': {
      const { actor, at, decision, comments, qualitativeScores = [], parameters } = command.data;
      if (actor.role !== 'finance-reviewer') throw forbidden('ROLE_NOT_ALLOWED', '只有财政绩效审核人员可以审核单位自评');
      if (state.status === 'none') throw NOT_FOUND();
      if (state.status !== 'submitted') throw conflict('SELF_EVALUATION_NOT_SUBMITTED', '单位自评尚未提交或已审核，当前不能审核');
      if (decision === 'return') {
        if (!comments || comments.trim() === '') throw invalid('COMMENTS_REQUIRED', '退回单位自评须填写审核意见', 'comments');
        return [{ type: 'SelfEvaluationReturned', data: { by: actor.userId, at, round: state.round, comments } }];
      }
      throwFirst(validateQualitativeScores(state.opened.indicators, qualitativeScores));
      const derivation = scoreSelfEvaluation(toScoringInput(state.opened, state.filled, qualitativeScores), parameters);
      const { projectId, unitId, fiscalYear, kind } = state.opened;
      return [{ type: 'SelfEvaluationAccepted', data: { by: actor.userId, at, projectId, unitId, fiscalYear, kind, round: state.round, total: derivation.total, grade: derivation.grade, derivation } }];
    }
    default:
      return unreachable(command);
  }
};

export const selfEvaluationDecider: Decider<SelfEvaluationState, SelfEvaluationCommand, SelfEvaluationEvent> = {
  initialState: initialSelfEvaluationState,
  evolve: evolveSelfEvaluation,
  decide: decideSelfEvaluation,
};
