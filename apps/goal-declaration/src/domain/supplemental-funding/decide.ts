import { DomainError, isBlank, requireRole, throwFirst, unknownCommand } from '../shared';
import { ApplyForSupplementalFunds, IssueFundNotice, SupplementalFundingCommand } from './commands';
import { SupplementalFundingEvent } from './events';
import { approvedGoalTableCarried, positiveAmount, upperLevelGoalTableComplete } from './rules';
import { SupplementalFundingState } from './state';

const issue = ({ data }: IssueFundNotice, state: SupplementalFundingState): SupplementalFundingEvent[] => {
  requireRole(data.actor, 'finance-admin', 'finance-reviewer');
  if (state.status !== 'none') {
    throw new DomainError('NOTICE_ALREADY_ISSUED', `资金到位通知单“${data.noticeId}”已下达`, 'noticeId');
  }
  if (isBlank(data.documentNo)) {
    throw new DomainError('DOCUMENT_NO_REQUIRED', '资金到位通知单缺少文号', 'documentNo');
  }
  throwFirst([...positiveAmount(data.amount, '通知单资金金额'), ...upperLevelGoalTableComplete(data.upperLevelGoalTable)]);
  const { actor, at, ...notice } = data;
  return [{ type: 'FundNoticeIssued', data: { ...notice, by: actor.userId, at } }];
};

const apply = ({ data }: ApplyForSupplementalFunds, state: SupplementalFundingState): SupplementalFundingEvent[] => {
  requireRole(data.actor, 'unit');
  if (state.status !== 'issued') {
    throw new DomainError('NOTICE_NOT_ISSUED', `资金到位通知单“${data.noticeId}”尚未下达`, 'noticeId');
  }
  const unitId = data.actor.unitId ?? '';
  const { notice } = state;
  if (state.applications[data.applicationId]) {
    throw new DomainError('APPLICATION_ALREADY_EXISTS', `追加资金申请“${data.applicationId}”已提交`, 'applicationId');
  }
  if (notice.recipientUnitIds && !notice.recipientUnitIds.includes(unitId)) {
    throw new DomainError('UNIT_NOT_RECIPIENT', `本单位不在资金到位通知单“${notice.documentNo}”的下达范围内`, 'actor.unitId');
  }
  if (isBlank(data.purpose)) {
    throw new DomainError('PURPOSE_REQUIRED', '追加资金申请须说明资金用途', 'purpose');
  }
  throwFirst([
    ...positiveAmount(data.amount, '申请金额'),
    ...approvedGoalTableCarried(data.goal, { projectId: data.projectId, unitId, fiscalYear: notice.fiscalYear }),
  ]);
  const remaining = notice.amount - state.appliedAmount;
  if (data.amount > remaining) {
    throw new DomainError(
      'AMOUNT_EXCEEDS_NOTICE',
      `申请金额${data.amount}元超过通知单剩余可申请金额${remaining}元`,
      'amount',
    );
  }
  // approvedGoalTableCarried guarantees goal and its approved table.
  const approved = data.goal?.approved as NonNullable<NonNullable<typeof data.goal>['approved']>;
  return [
    {
      type: 'SupplementalFundsApplied',
      data: {
        noticeId: notice.noticeId,
        applicationId: data.applicationId,
        projectId: data.projectId,
        unitId,
        amount: data.amount,
        purpose: data.purpose,
        goalVersion: approved.version,
        goalTable: approved.declaration,
        by: data.actor.userId,
        at: data.at,
      },
    },
  ];
};

export const decide = (command: SupplementalFundingCommand, state: SupplementalFundingState): SupplementalFundingEvent[] => {
  switch (command.type) {
    case 'IssueFundNotice':
      return issue(command, state);
    case 'ApplyForSupplementalFunds':
      return apply(command, state);
    default:
      return unknownCommand(command);
  }
};
