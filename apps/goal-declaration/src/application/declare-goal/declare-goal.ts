import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  indicatorLibraryDecider,
  indicatorLibraryStreamId,
  indicatorLookup,
  performanceGoalDecider,
  performanceGoalStreamId,
  requireRegistered,
  type GoalDeclaration,
} from '../../domain';
import { parametersFor } from '../../infrastructure/region';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { IfMatch, etagOf, type HasHeaders } from '../../infrastructure/versioning';
import { loadGoal } from '../get-goal/load-goal';

/** 绩效目标申报: a new version of the goal table, checked against the year's indicator library. */
export class DeclareGoal {
  constructor(
    readonly projectId: string,
    readonly declaration: GoalDeclaration,
    readonly acting: RequestActor,
    /** The client's If-Match: the stream version their edit is based on. */
    readonly ifMatch?: number,
  ) {}
}

@CommandHandler(DeclareGoal)
export class DeclareGoalHandler implements ICommandHandler<DeclareGoal> {
  constructor(private readonly streams: StreamCommands) {}
  async execute({ projectId, declaration, acting, ifMatch }: DeclareGoal) {
    const { state } = await loadGoal(this.streams, projectId);
    const project = state.project;
    const library = await this.streams.load(indicatorLibraryDecider, indicatorLibraryStreamId(project.region, project.fiscalYear));
    const result = await this.streams.execute(
      performanceGoalDecider,
      performanceGoalStreamId(projectId),
      {
        type: 'DeclareGoal',
        data: {
          projectId,
          declaration,
          library: indicatorLookup(library.state),
          parameters: parametersFor(project.fiscalYear, project.region),
          actor: acting.actor,
          at: acting.at,
        },
      },
      acting,
      ifMatch,
    );
    return { projectId, version: requireRegistered(result.state, projectId).version, streamVersion: result.version };
  }
}

@Controller('internal/goals')
export class DeclareGoalController {
  constructor(private readonly commands: CommandBus) {}
  @Put(':projectId/declaration')
  async declare(
    @Param('projectId') projectId: string,
    @Body() body: { declaration: GoalDeclaration },
    @Acting() acting: RequestActor,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) res: HasHeaders,
  ) {
    const result = await this.commands.execute(new DeclareGoal(projectId, body.declaration, acting, ifMatch));
    res.setHeader('ETag', etagOf(result.streamVersion));
    return result;
  }
}
