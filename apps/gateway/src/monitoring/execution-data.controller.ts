import { Body, Controller, Get, HttpCode, Param, Post, Put, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ProblemException } from '@bpm/http';
import { AuthenticatedActor, CurrentActor, Roles } from '../auth';
import { ApiProblems, ForwardsToGoalDeclaration, GoalAccess, path } from '../goal-declaration';
import { MonitoringClient } from './monitoring.client';

const anyObject = { schema: { type: 'object', additionalProperties: true } };
/** Larger files are refused before they are read or forwarded (a county's year is about 1 MB). */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const record = {
  type: 'object',
  required: ['projectId', 'month', 'allocated', 'paid', 'expectedCarryOver'],
  properties: {
    projectId: { type: 'string', description: '项目编号' },
    month: { type: 'string', example: '2026-06', description: '月份' },
    allocated: { type: 'string', example: '1200000.00', description: '截至当月末累计指标下达金额（元，最多两位小数）' },
    paid: { type: 'string', example: '300000.00', description: '截至当月末累计支付金额（元）' },
    expectedCarryOver: { type: 'string', example: '0', description: '预计结转金额（元）' },
  },
};
const importOutcome = { description: '导入结果：已导入（含未登记项目清单），或识别为已导入过的同一文件', ...anyObject };

/**
 * 预算执行数据: the budget platform's figures per project and month, by file, machine feed or
 * manual entry (monitoring validates all three the same way); the project timeline to read them.
 * Unit isolation uses the project's unit as goal-declaration records it.
 */
@ApiTags('绩效运行监控')
@ForwardsToGoalDeclaration()
@Controller('monitoring')
export class ExecutionDataController {
  constructor(
    private readonly monitoring: MonitoringClient,
    private readonly access: GoalAccess,
  ) {}

  @Get('execution-template')
  @Roles('unit', 'finance-reviewer', 'finance-admin')
  @ApiOperation({ summary: '下载预算执行数据导入模板（.xlsx）' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: '导入模板' })
  async template(@CurrentActor() actor: AuthenticatedActor, @Res({ passthrough: true }) res: { setHeader(name: string, value: string): void }): Promise<StreamableFile> {
    const file = await this.monitoring.download(actor, '/internal/monitoring/execution-template');
    if (file.contentDisposition) res.setHeader('content-disposition', file.contentDisposition);
    return new StreamableFile(file.bytes, { type: file.contentType });
  }

  @Post('execution-imports')
  @HttpCode(200)
  @Roles('finance-reviewer', 'finance-admin')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 }, defParamCharset: 'utf8' }))
  @ApiOperation({
    summary: '导入预算执行数据文件（.xlsx 或 .csv）',
    description:
      '按模板填写；有任何错误则整个文件不导入，并逐条列出行号、列名和原因。内容相同的文件再次导入会被识别，不重复入账；更正后的数据取代原数据（原数据保留在历史中）；系统未登记的项目会列出，不导入。CSV 可为 UTF-8（可带 BOM）或 GBK/GB18030 编码。',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse(importOutcome)
  @ApiProblems(400, 413, 422)
  upload(@CurrentActor() actor: AuthenticatedActor, @UploadedFile() file?: { buffer: Buffer; originalname: string }): Promise<unknown> {
    if (!file?.buffer) throw new ProblemException(400, 'EXECUTION_FILE_MISSING', '请选择要导入的文件（multipart/form-data，字段名 file）');
    return this.monitoring.upload(actor, '/internal/monitoring/execution-imports', file.buffer, file.originalname);
  }

  @Post('execution-feed')
  @HttpCode(200)
  @Roles('finance-admin')
  @ApiOperation({ summary: '预算管理一体化平台推送执行数据（JSON 批量）', description: '与文件导入同一套校验；同一批数据重复推送不会重复入账。' })
  @ApiBody({ schema: { type: 'object', required: ['records'], properties: { records: { type: 'array', items: record } } } })
  @ApiOkResponse(importOutcome)
  @ApiProblems(400, 422)
  feed(@CurrentActor() actor: AuthenticatedActor, @Body() body: Record<string, unknown>): Promise<unknown> {
    return this.monitoring.post(actor, '/internal/monitoring/execution-feed', body);
  }

  @Put('projects/:projectId/execution/:month')
  @Roles('unit', 'finance-reviewer', 'finance-admin')
  @ApiOperation({ summary: '手工录入某项目某月的预算执行数据', description: '月份如 2026-06；单位用户只能录入本单位项目。' })
  @ApiBody({ schema: { ...record, required: ['allocated', 'paid', 'expectedCarryOver'], properties: { allocated: record.properties.allocated, paid: record.properties.paid, expectedCarryOver: record.properties.expectedCarryOver } } })
  @ApiOkResponse(importOutcome)
  @ApiProblems(404, 409, 422)
  async enter(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('projectId') projectId: string,
    @Param('month') month: string,
    @Body() body: Record<string, unknown>,
  ): Promise<unknown> {
    await this.access.load(actor, projectId);
    return this.monitoring.put(actor, path`/internal/monitoring/projects/${projectId}/execution/${month}`, body);
  }

  @Get('projects/:projectId')
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '项目监控时间线', description: '逐月的预算执行（执行率与时间进度）。' })
  @ApiOkResponse({ description: '项目与逐月执行数据', ...anyObject })
  @ApiProblems(404)
  async timeline(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string): Promise<unknown> {
    await this.access.load(actor, projectId);
    return this.monitoring.get(actor, path`/internal/monitoring/projects/${projectId}`);
  }
}
