import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, Roles } from '../auth';
import {
  ApiProblems,
  ForwardsToGoalDeclaration,
  GoalDeclarationClient,
  HttpMethod,
  IfMatchHeader,
  path,
  relayEtag,
  type HasHeaders,
} from '../goal-declaration';
import {
  AddCategoryDto,
  AddIndicatorDto,
  ChangeIndicatorDto,
  CreateIndicatorLibraryDto,
  LibraryCreatedDto,
  RetireIndicatorDto,
} from './indicator-library.dto';
import { LibraryIndicatorParams, LibraryParams } from '../common/dto';

/** 指标库: kept by finance-admin, read by every signed-in user. */
@ApiTags('指标库')
@ForwardsToGoalDeclaration()
@Controller('indicator-libraries')
export class IndicatorLibrariesController {
  constructor(private readonly goals: GoalDeclarationClient) {}

  @Post()
  @Roles('finance-admin')
  @ApiOperation({ summary: '新建年度指标库' })
  @ApiCreatedResponse({ type: LibraryCreatedDto })
  @ApiProblems(400, 409, 422)
  create(@CurrentActor() actor: AuthenticatedActor, @Body() body: CreateIndicatorLibraryDto): Promise<LibraryCreatedDto> {
    return this.goals.post(actor, '/internal/indicator-libraries', body);
  }

  @Get(':libraryId')
  @ApiOperation({ summary: '查看指标库（类别与指标）' })
  @ApiOkResponse({ description: '指标库', schema: { type: 'object', additionalProperties: true } })
  @ApiProblems(404)
  get(@CurrentActor() actor: AuthenticatedActor, @Param() { libraryId }: LibraryParams, @Res({ passthrough: true }) res: HasHeaders): Promise<unknown> {
    return this.versioned(res, 'GET', actor, path`/internal/indicator-libraries/${libraryId}`);
  }

  @Post(':libraryId/categories')
  @ApiCreatedResponse({ description: '新的指标库版本', schema: { type: 'object', additionalProperties: true } })
  @Roles('finance-admin')
  @ApiOperation({ summary: '新增指标类别' })
  @ApiProblems(400, 404, 409, 422)
  addCategory(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() { libraryId }: LibraryParams,
    @Body() body: AddCategoryDto,
    @IfMatchHeader() ifMatch: string | undefined,
    @Res({ passthrough: true }) res: HasHeaders,
  ): Promise<unknown> {
    return this.versioned(res, 'POST', actor, path`/internal/indicator-libraries/${libraryId}/categories`, body, ifMatch);
  }

  @Post(':libraryId/indicators')
  @ApiCreatedResponse({ description: '新的指标库版本', schema: { type: 'object', additionalProperties: true } })
  @Roles('finance-admin')
  @ApiOperation({ summary: '新增指标' })
  @ApiProblems(400, 404, 409, 422)
  addIndicator(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() { libraryId }: LibraryParams,
    @Body() body: AddIndicatorDto,
    @IfMatchHeader() ifMatch: string | undefined,
    @Res({ passthrough: true }) res: HasHeaders,
  ): Promise<unknown> {
    return this.versioned(res, 'POST', actor, path`/internal/indicator-libraries/${libraryId}/indicators`, body, ifMatch);
  }

  @Patch(':libraryId/indicators/:indicatorId')
  @ApiOkResponse({ description: '新的指标库版本', schema: { type: 'object', additionalProperties: true } })
  @Roles('finance-admin')
  @ApiOperation({ summary: '修改指标' })
  @ApiProblems(400, 404, 409, 422)
  changeIndicator(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() { libraryId, indicatorId }: LibraryIndicatorParams,
    @Body() body: ChangeIndicatorDto,
    @IfMatchHeader() ifMatch: string | undefined,
    @Res({ passthrough: true }) res: HasHeaders,
  ): Promise<unknown> {
    return this.versioned(res, 'PATCH', actor, path`/internal/indicator-libraries/${libraryId}/indicators/${indicatorId}`, body, ifMatch);
  }

  @Delete(':libraryId/indicators/:indicatorId')
  @ApiOkResponse({ description: '新的指标库版本', schema: { type: 'object', additionalProperties: true } })
  @HttpCode(200)
  @Roles('finance-admin')
  @ApiOperation({ summary: '停用（删除）指标' })
  @ApiProblems(400, 404, 409, 422)
  retireIndicator(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() { libraryId, indicatorId }: LibraryIndicatorParams,
    @Body() body: RetireIndicatorDto,
    @IfMatchHeader() ifMatch: string | undefined,
    @Res({ passthrough: true }) res: HasHeaders,
  ): Promise<unknown> {
    return this.versioned(res, 'DELETE', actor, path`/internal/indicator-libraries/${libraryId}/indicators/${indicatorId}`, body, ifMatch);
  }

  /** Forwards with the client's If-Match and answers with goal-declaration's ETag. */
  private async versioned(res: HasHeaders, method: HttpMethod, actor: AuthenticatedActor, target: string, body?: unknown, ifMatch?: string) {
    const answer = await this.goals.exchange(method, actor, target, { body, ifMatch });
    relayEtag(res, answer.etag);
    return answer.body;
  }
}
