import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Req, StreamableFile } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { canonicalJson } from '@bpm/contracts';
import { ProblemException } from '@bpm/http';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { EXECUTION_COLUMNS, type RawExecutionRow, type RowError } from './execution-rows';
import { ImportExecutionData, type ExecutionImportOutcome } from './import-execution-data';
import { readExecutionSpreadsheet } from './read-spreadsheet';
import { executionTemplate, TEMPLATE_FILE_NAME, XLSX_CONTENT_TYPE } from './template';

/** Files larger than this are refused before reading (a county's year is about 1 MB as .xlsx). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const FIELD_OF_KEY = new Map<string, string>(EXECUTION_COLUMNS.map((c) => [c.header, c.key]));

/**
 * The three ways execution data comes in (file, machine feed, manual entry); each only turns its
 * input into raw rows, and {@link ImportExecutionData} does the rest the same way.
 */
@Controller('internal/monitoring')
export class ImportExecutionDataController {
  constructor(private readonly commands: CommandBus) {}

  @Get('execution-template')
  @Header('content-type', XLSX_CONTENT_TYPE)
  @Header('content-disposition', `attachment; filename="execution-template.xlsx"; filename*=UTF-8''${encodeURIComponent(TEMPLATE_FILE_NAME)}`)
  async template(): Promise<StreamableFile> {
    return new StreamableFile(await executionTemplate());
  }

  /** The file's bytes as the body (`application/octet-stream`); its name in `x-file-name` (URI-encoded). */
  @Post('execution-imports')
  @HttpCode(200)
  async importFile(@Req() req: IncomingMessage, @Acting() acting: RequestActor): Promise<ExecutionImportOutcome> {
    const bytes = await readBody(req);
    const fileName = decodeFileName(req.headers['x-file-name']);
    return this.commands.execute(
      new ImportExecutionData({ channel: 'file', importId: sha256(bytes), fileName, read: () => readExecutionSpreadsheet(bytes) }, acting),
    );
  }

  /** The budget platform's machine feed: `{ records: [{ projectId, month, allocated, paid, expectedCarryOver }] }`, amounts in yuan. */
  @Post('execution-feed')
  @HttpCode(200)
  importFeed(@Body() body: unknown, @Acting() acting: RequestActor): Promise<ExecutionImportOutcome> {
    const records = (body as { records?: unknown })?.records;
    if (!Array.isArray(records) || records.length === 0) {
      throw new ProblemException(400, 'EXECUTION_FEED_EMPTY', '推送数据应为 { "records": [...] }，且至少包含一条记录');
    }
    const rows: RawExecutionRow[] = records.map((record, i) => ({ row: i + 1, values: isObject(record) ? record : {} }));
    return this.commands.execute(
      new ImportExecutionData({ channel: 'feed', importId: sha256(canonicalJson(records)), rows, fieldOf: (e: RowError) => `records[${e.row - 1}].${FIELD_OF_KEY.get(e.column) ?? ''}` }, acting),
    );
  }

  /** 手工录入: one project's figures for one month (`2026-06`). */
  @Put('projects/:projectId/execution/:month')
  enterManually(
    @Param('projectId') projectId: string,
    @Param('month') month: string,
    @Body() body: unknown,
    @Acting() acting: RequestActor,
  ): Promise<ExecutionImportOutcome> {
    const values = isObject(body) ? body : {};
    const row: RawExecutionRow = { row: 1, values: { allocated: values['allocated'], paid: values['paid'], expectedCarryOver: values['expectedCarryOver'], projectId, month } };
    return this.commands.execute(
      new ImportExecutionData({ channel: 'manual', rows: [row], fieldOf: (e: RowError) => FIELD_OF_KEY.get(e.column) ?? e.column }, acting),
    );
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function decodeFileName(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  try {
    return decodeURIComponent(value).slice(0, 255);
  } catch {
    return value.slice(0, 255);
  }
}

/** The raw body, refused past {@link MAX_FILE_BYTES} (the JSON parser leaves non-JSON bodies unread). */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FILE_BYTES) throw new ProblemException(413, 'EXECUTION_FILE_TOO_LARGE', `导入文件不能超过${MAX_FILE_BYTES / 1024 / 1024}MB，请分批导入`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
