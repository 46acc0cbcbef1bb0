import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IndicatorLibrary, indicatorLibraryDecider, indicatorLibraryStreamId } from '../../domain';
import { regionSettings } from '../../infrastructure/region';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { IfMatch, etagOf, type HasHeaders } from '../../infrastructure/versioning';

/** 指标库 upkeep by finance admins: one command type per change, all through the library decider. */
export class ChangeIndicatorLibrary {
  constructor(
    readonly libraryId: string,
    readonly command: IndicatorLibrary.IndicatorLibraryCommand,
    readonly acting: RequestActor,
    readonly ifMatch?: number,
  ) {}
}

@CommandHandler(ChangeIndicatorLibrary)
export class ChangeIndicatorLibraryHandler implements ICommandHandler<ChangeIndicatorLibrary> {
  constructor(private readonly streams: StreamCommands) {}
  async execute({ libraryId, command, acting, ifMatch }: ChangeIndicatorLibrary) {
    const { version } = await this.streams.execute(indicatorLibraryDecider, `indicatorLibrary-${libraryId}`, command, acting, ifMatch);
    return { libraryId, version };
  }
}

type Body_ = Record<string, unknown>;

@Controller('internal/indicator-libraries')
export class IndicatorLibraryController {
  constructor(
    private readonly commands: CommandBus,
    private readonly streams: StreamCommands,
  ) {}

  @Post()
  open(
    @Body() body: { region?: string; fiscalYear: number; costLevelEnabled?: boolean },
    @Acting() acting: RequestActor,
    @Res({ passthrough: true }) res: HasHeaders,
  ) {
    const region = body.region ?? regionSettings().region;
    const libraryId = indicatorLibraryStreamId(region, body.fiscalYear).slice('indicatorLibrary-'.length);
    return this.run(libraryId, 'OpenIndicatorLibrary', { region, fiscalYear: body.fiscalYear, costLevelEnabled: body.costLevelEnabled ?? false }, acting, res);
  }

  @Post(':libraryId/categories')
  defineCategory(
    @Param('libraryId') id: string,
    @Body() body: Body_,
    @Acting() acting: RequestActor,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) res: HasHeaders,
  ) {
    return this.run(id, 'DefineIndicatorCategory', { category: body['category'] }, acting, res, ifMatch);
  }

  @Post(':libraryId/indicators')
  add(
    @Param('libraryId') id: string,
    @Body() body: Body_,
    @Acting() acting: RequestActor,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) res: HasHeaders,
  ) {
    return this.run(id, 'AddIndicator', { indicator: body['indicator'] }, acting, res, ifMatch);
  }

  @Patch(':libraryId/indicators/:indicatorId')
  @HttpCode(200)
  revise(
    @Param('libraryId') id: string,
    @Param('indicatorId') indicatorId: string,
    @Body() body: Body_,
    @Acting() acting: RequestActor,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) res: HasHeaders,
  ) {
    return this.run(id, 'ReviseIndicator', { indicatorId, changes: body['changes'], reason: body['reason'] }, acting, res, ifMatch);
  }

  @Delete(':libraryId/indicators/:indicatorId')
  @HttpCode(200)
  retire(
    @Param('libraryId') id: string,
    @Param('indicatorId') indicatorId: string,
    @Body() body: Body_,
    @Acting() acting: RequestActor,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) res: HasHeaders,
  ) {
    return this.run(id, 'RetireIndicator', { indicatorId, reason: body?.['reason'] }, acting, res, ifMatch);
  }

  @Get(':libraryId')
  async get(@Param('libraryId') id: string, @Res({ passthrough: true }) res: HasHeaders) {
    const { state, version } = await this.streams.load(indicatorLibraryDecider, `indicatorLibrary-${id}`);
    res.setHeader('ETag', etagOf(version));
    return { libraryId: id, version, ...state };
  }

  private async run(libraryId: string, type: string, data: Body_, acting: RequestActor, res: HasHeaders, ifMatch?: number) {
    const command = { type, data: { ...data, actor: acting.actor, at: acting.at } } as IndicatorLibrary.IndicatorLibraryCommand;
    const result: { libraryId: string; version: number } = await this.commands.execute(
      new ChangeIndicatorLibrary(libraryId, command, acting, ifMatch),
    );
    res.setHeader('ETag', etagOf(result.version));
    return result;
  }
}
