import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, Roles } from '../auth';
import { ApiProblems } from '../goal-declaration/api-docs';
import { path } from '../goal-declaration/goal-declaration.client';
import { ForwardsToEvaluation, anyObject } from './api-docs';
import { EvaluationClient } from './evaluation.client';
import { AdmitThirdPartyDto, RatingDto, ReasonDto, RelationDto } from './evaluation.dto';

/** 第三方机构库、专家库: kept by the finance admin; a third party may declare its own relations. */
@ApiTags('第三方机构与专家')
@ForwardsToEvaluation()
@Controller('third-parties')
export class ThirdPartiesController {
  constructor(private readonly evaluation: EvaluationClient) {}

  @Get()
  @Roles('finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '第三方机构与专家库' })
  @ApiOkResponse({ description: '在库、暂停与清退的机构和专家', ...anyObject })
  list(@CurrentActor() actor: AuthenticatedActor) {
    return this.evaluation.get(actor, '/internal/third-parties');
  }

  @Get(':id')
  @Roles('finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '查看第三方机构或专家', description: '资质、领域、关联单位与历次履职评价。' })
  @ApiProblems(404)
  @ApiOkResponse({ description: '结果', ...anyObject })
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string) {
    return this.evaluation.get(actor, path`/internal/third-parties/${id}`);
  }

  @Post()
  @Roles('finance-admin')
  @ApiOperation({ summary: '第三方机构或专家入库', description: '近3年（参数）有重大违规的不予入库。' })
  @ApiProblems(400, 409, 422)
  @ApiCreatedResponse({ description: '已创建', ...anyObject })
  admit(@CurrentActor() actor: AuthenticatedActor, @Body() body: AdmitThirdPartyDto) {
    return this.evaluation.post(actor, '/internal/third-parties', body);
  }

  @Post(':id/suspension')
  @HttpCode(200)
  @Roles('finance-admin')
  @ApiOperation({ summary: '暂停' })
  @ApiProblems(400, 404, 409, 422)
  @ApiOkResponse({ description: '结果', ...anyObject })
  suspend(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string, @Body() body: ReasonDto) {
    return this.evaluation.post(actor, path`/internal/third-parties/${id}/suspension`, body);
  }

  @Post(':id/reinstatement')
  @HttpCode(200)
  @Roles('finance-admin')
  @ApiOperation({ summary: '恢复' })
  @ApiProblems(400, 404, 409, 422)
  @ApiOkResponse({ description: '结果', ...anyObject })
  reinstate(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string, @Body() body: ReasonDto) {
    return this.evaluation.post(actor, path`/internal/third-parties/${id}/reinstatement`, body);
  }

  @Post(':id/removal')
  @HttpCode(200)
  @Roles('finance-admin')
  @ApiOperation({ summary: '清退' })
  @ApiProblems(400, 404, 409, 422)
  @ApiOkResponse({ description: '结果', ...anyObject })
  remove(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string, @Body() body: ReasonDto) {
    return this.evaluation.post(actor, path`/internal/third-parties/${id}/removal`, body);
  }

  @Post(':id/relations')
  @HttpCode(200)
  @Roles('finance-admin', 'evaluator')
  @ApiOperation({ summary: '申报关联关系', description: '财政管理员，或第三方为本机构（本人）申报；有关联的不得承担该单位的评价。' })
  @ApiProblems(400, 404, 422)
  @ApiOkResponse({ description: '结果', ...anyObject })
  relate(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string, @Body() body: RelationDto) {
    return this.evaluation.post(actor, path`/internal/third-parties/${id}/relations`, body);
  }

  @Post(':id/ratings')
  @HttpCode(200)
  @Roles('finance-admin')
  @ApiOperation({ summary: '履职评价', description: '每项评价任务完成后评价一次，留存历史。' })
  @ApiProblems(400, 404, 409, 422)
  @ApiOkResponse({ description: '结果', ...anyObject })
  rate(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string, @Body() body: RatingDto) {
    return this.evaluation.post(actor, path`/internal/third-parties/${id}/ratings`, body);
  }
}
