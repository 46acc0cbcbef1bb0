import { randomUUID } from 'node:crypto';
import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { performanceGoalDecider, performanceGoalStreamId, type Project } from '../../domain';
import { regionSettings } from '../../infrastructure/region';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';

/** 项目登记: a unit registers a project for a fiscal year; its goal stream starts here. */
export class RegisterProject {
  constructor(readonly project: Project, readonly acting: RequestActor) {}
}

@CommandHandler(RegisterProject)
export class RegisterProjectHandler implements ICommandHandler<RegisterProject> {
  constructor(private readonly streams: StreamCommands) {}
  async execute({ project, acting }: RegisterProject) {
    const { version } = await this.streams.execute(
      performanceGoalDecider,
      performanceGoalStreamId(project.projectId),
      { type: 'RegisterProject', data: { project, actor: acting.actor, at: acting.at } },
      acting,
    );
    return { projectId: project.projectId, version };
  }
}

@Controller('internal/projects')
export class RegisterProjectController {
  constructor(private readonly commands: CommandBus) {}
  @Post()
  register(@Body() body: { project: Partial<Project> }, @Acting() acting: RequestActor) {
    // The id is the server's, always: a caller's id could probe for (or squat on) another unit's project.
    const project = { region: regionSettings().region, ...body.project, projectId: randomUUID() } as Project;
    return this.commands.execute(new RegisterProject(project, acting));
  }
}
