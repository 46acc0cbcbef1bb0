import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { FieldLabel, currentRequestContext, type Page } from '@bpm/http';
import { randomUUID } from 'node:crypto';
import type { ReviewDecisionResult } from '@bpm/workflows';
import { AuthenticatedActor, CurrentActor, Roles, unitFilterFor } from '../auth';
import { ApiProblems, ForwardsToGoalDeclaration, GoalDeclarationClient } from '../goal-declaration';
import { IdField } from '../common/dto';
import { ReviewDecisionDto, TaskListQuery } from './task.dto';
import { ReviewDecisions } from './review-decisions';

export class ReviewRoundParams {
  @IdField('项目编码', '项目编码')
  projectId!: string;

  @ApiProperty({ description: '审核轮次（从 1 开始）', type: 'integer', minimum: 1, maximum: 1000, example: 1 })
  @FieldLabel('审核轮次')
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  round!: number;
}

/** 待办: the approvers' inbox of goal review tasks, and their decisions. */
@ApiTags('审核待办')
@ForwardsToGoalDeclaration()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly goals: GoalDeclarationClient,
    private readonly decisions: ReviewDecisions,
  ) {}

  @Get()
  @Roles('finance-reviewer', 'finance-admin', 'auditor', 'unit')
  @ApiOperation({ summary: '审核待办列表', description: '财政人员与审计人员可按单位、年度、状态筛选；单位用户只看到本单位的任务。' })
  @ApiOkResponse({ description: '分页的审核任务', schema: { type: 'object', additionalProperties: true } })
  @ApiProblems(400)
  list(@CurrentActor() actor: AuthenticatedActor, @Query() query: TaskListQuery): Promise<Page<unknown>> {
    return this.goals.get(actor, '/internal/review-tasks', { ...query, unitId: unitFilterFor(actor, query.unitId) });
  }

  @Post(':projectId/rounds/:round/decision')
  @HttpCode(200)
  @Roles('finance-reviewer')
  @ApiOperation({ summary: '作出审核决定', description: '审核通过（优/良）、退回修改（中）或不予通过（差）。' })
  @ApiOkResponse({ description: '审核任务及绩效目标的新状态', schema: { type: 'object', additionalProperties: true } })
  @ApiProblems(400, 404, 409, 422, 503)
  decide(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: ReviewRoundParams,
    @Body() body: ReviewDecisionDto,
  ): Promise<ReviewDecisionResult> {
    // Passed through as given: goal-declaration checks it with the region's own rules.
    return this.decisions.decide(params.projectId, params.round, {
      decision: body.decision,
      rating: body.rating,
      ...(body.score !== undefined ? { score: body.score } : {}),
      ...(body.comments !== undefined ? { comments: body.comments } : {}),
      ...(body.indicatorComments ? { indicatorComments: body.indicatorComments.map((c) => ({ ...c })) } : {}),
      ...(body.expectedVersion !== undefined ? { expectedVersion: body.expectedVersion } : {}),
      actor: { id: actor.id, role: actor.role, ...(actor.unit ? { unit: actor.unit } : {}) },
      correlationId: currentRequestContext()?.correlationId ?? randomUUID(),
    });
  }
}
