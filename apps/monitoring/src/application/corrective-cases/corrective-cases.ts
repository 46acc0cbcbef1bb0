import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProblemException } from '@bpm/http';
import {
  CORRECTIVE_CHOICES,
  RESTRICTION_MODES,
  correctiveCaseDecider,
  correctiveCaseStreamId,
  type CorrectiveCaseCommand,
  type CorrectiveCaseState,
  type CorrectiveChoice,
  type RestrictionMode,
} from '../../domain';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';

type Action =
  | { type: 'AnswerCorrectiveCase'; choice: CorrectiveChoice; reasons: string }
  | { type: 'RemindCorrectiveCase' }
  | { type: 'EscalateCorrectiveCase' }
  | { type: 'RestrictAllocation'; mode: RestrictionMode; reason: string }
  | { type: 'LiftAllocationRestriction'; reason: string };

/** 纠偏: the unit's answer, the follow-up's reminder and escalation, finance's 暂缓或停止拨款 and its lifting. */
export class ActOnCase {
  constructor(readonly caseId: string, readonly action: Action, readonly acting: RequestActor) {}
}

export function caseView(state: CorrectiveCaseState, version: number) {
  if (state.status === 'none') throw new ProblemException(404, 'CORRECTIVE_CASE_NOT_FOUND', '未找到该纠偏事项');
  return { status: state.status, version, ...state.case, allocation: state.allocation, ...(state.status === 'answered' ? { answer: state.answer } : {}) };
}

@CommandHandler(ActOnCase)
export class ActOnCaseHandler implements ICommandHandler<ActOnCase> {
  constructor(private readonly streams: StreamCommands) {}
  async execute({ caseId, action, acting }: ActOnCase) {
    const { type, ...rest } = action;
    const command = { type, data: { ...rest, actor: acting.metadata.actor, at: acting.at } } as CorrectiveCaseCommand;
    const result = await this.streams.execute(correctiveCaseDecider, correctiveCaseStreamId(caseId), command, acting);
    return caseView(result.state, result.version);
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

@Controller('internal/monitoring/cases/:caseId')
export class CorrectiveCasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly streams: StreamCommands,
  ) {}

  @Get()
  async get(@Param('caseId') caseId: string) {
    const loaded = await this.streams.load(correctiveCaseDecider, correctiveCaseStreamId(caseId));
    return caseView(loaded.state, loaded.version);
  }

  @Post('answer')
  @HttpCode(200)
  answer(@Param('caseId') caseId: string, @Body() body: { choice?: string; reasons?: string }, @Acting() acting: RequestActor) {
    if (!(CORRECTIVE_CHOICES as readonly string[]).includes(text(body?.choice))) {
      throw new ProblemException(400, 'CORRECTIVE_CHOICE_INVALID', '纠偏措施（choice）应为 continue（继续）、reallocate（调剂）或 cancel（取消）');
    }
    return this.commands.execute(new ActOnCase(caseId, { type: 'AnswerCorrectiveCase', choice: body.choice as CorrectiveChoice, reasons: text(body.reasons) }, acting));
  }

  @Post('reminder')
  @HttpCode(200)
  remind(@Param('caseId') caseId: string, @Acting() acting: RequestActor) {
    return this.commands.execute(new ActOnCase(caseId, { type: 'RemindCorrectiveCase' }, acting));
  }

  @Post('escalation')
  @HttpCode(200)
  escalate(@Param('caseId') caseId: string, @Acting() acting: RequestActor) {
    return this.commands.execute(new ActOnCase(caseId, { type: 'EscalateCorrectiveCase' }, acting));
  }

  @Post('allocation-restriction')
  @HttpCode(200)
  restrict(@Param('caseId') caseId: string, @Body() body: { mode?: string; reason?: string }, @Acting() acting: RequestActor) {
    if (!(RESTRICTION_MODES as readonly string[]).includes(text(body?.mode))) {
      throw new ProblemException(400, 'RESTRICTION_MODE_INVALID', '拨款限制方式（mode）应为 suspend（暂缓拨款）或 stop（停止拨款）');
    }
    return this.commands.execute(new ActOnCase(caseId, { type: 'RestrictAllocation', mode: body.mode as RestrictionMode, reason: text(body.reason) }, acting));
  }

  @Post('allocation-restriction/lifting')
  @HttpCode(200)
  lift(@Param('caseId') caseId: string, @Body() body: { reason?: string }, @Acting() acting: RequestActor) {
    return this.commands.execute(new ActOnCase(caseId, { type: 'LiftAllocationRestriction', reason: text(body?.reason) }, acting));
  }
}
