import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { ConcurrencyError } from '@bpm/event-store';
import { ProblemException } from '@bpm/http';
import { KnownProject } from '../../projections/known-project.entity';
import type { RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { SOURCE } from '../../infrastructure/tokens';
import { executionLedgerDecider, executionLedgerStreamId, type ExecutionChannel } from './execution-ledger';
import { headerOf, ruleErrors, validateExecutionRows, type RawExecutionRow, type RowError, type ValidRow } from './execution-rows';

/** Execution data as it arrived, already split into raw rows by its channel's reader. */
export interface ExecutionBatch {
  channel: ExecutionChannel;
  /** SHA-256 of the content (file bytes, or the feed's canonical JSON); none for a manual entry. */
  importId?: string;
  fileName?: string;
  rows?: RawExecutionRow[];
  /** Reads the rows (a file's parse): called only when the content was not imported before. */
  read?: () => Promise<{ rows: RawExecutionRow[]; errors: RowError[] }>;
  /** Errors found while reading (unreadable file, missing columns). */
  readErrors?: RowError[];
  /** How a row error names its place: a sheet's row and column, or a JSON path. */
  fieldOf?: (error: RowError) => string;
}

export class ImportExecutionData {
  constructor(readonly batch: ExecutionBatch, readonly acting: RequestActor) {}
}

export type ExecutionImportOutcome =
  | { status: 'already-imported'; importId: string; importedAt: string; importedBy: string; message: string; unknownProjects: UnknownProject[] }
  | {
      status: 'imported';
      importId?: string;
      rowCount: number;
      projectCount: number;
      recordedCount: number;
      unchangedCount: number;
      unknownProjects: UnknownProject[];
      message: string;
    };

export interface UnknownProject {
  projectId: string;
  rows: number[];
}

export const importStreamId = (importId: string) => `executionImport-${importId}`;

type ExecutionDataImported = {
  type: 'ExecutionDataImported';
  data: {
    importId: string; channel: ExecutionChannel; fileName?: string; rowCount: number; projectCount: number;
    recordedCount: number; unchangedCount: number; unknownProjects: UnknownProject[]; by: string; at: string;
  };
};

/** Appends per project in parallel, a few at a time: one stream each, so they never contend. */
const PARALLEL_APPENDS = 4;

/**
 * 导入预算执行数据. One path for a file, a feed and a manual entry: read errors and row errors
 * refuse the whole batch (nothing is applied, every error listed); a batch with the content of an
 * earlier import is recognised and not applied again; figures that change a month supersede the
 * earlier ones as new events; projects nobody registered are reported, not silently dropped.
 */
@CommandHandler(ImportExecutionData)
@Injectable()
export class ImportExecutionDataHandler implements ICommandHandler<ImportExecutionData, ExecutionImportOutcome> {
  constructor(
    private readonly streams: StreamCommands,
    @InjectRepository(KnownProject) private readonly projects: Repository<KnownProject>,
  ) {}

  async execute({ batch, acting }: ImportExecutionData): Promise<ExecutionImportOutcome> {
    if (batch.importId) {
      // The content hash first: a re-sent file is recognised without even being parsed.
      const earlier = await this.earlierImport(batch.importId);
      if (earlier) return earlier;
    }
    const reading = batch.read ? await batch.read() : { rows: batch.rows ?? [], errors: batch.readErrors ?? [] };
    refuseIfErrors(batch, reading.errors);
    const { rows, errors } = validateExecutionRows(reading.rows);

    const known = await this.knownProjects(rows);
    const unknown = new Map<string, number[]>();
    const byProject = new Map<string, { project: KnownProject; rows: ValidRow[] }>();
    // Reading errors and rule errors together: the clerk gets every error of the file at once.
    const allErrors: RowError[] = [...errors];
    for (const row of rows) {
      const project = known.get(row.projectId);
      if (!project) {
        // Not applied, but still checked: a bad file is refused whole (no budget known, so no budget rule).
        allErrors.push(...ruleErrors(row, Number.MAX_SAFE_INTEGER));
        unknown.set(row.projectId, [...(unknown.get(row.projectId) ?? []), row.row]);
        continue;
      }
      allErrors.push(...ruleErrors(row, project.budgetFen));
      if (row.fiscalYear !== project.fiscalYear) {
        allErrors.push({ row: row.row, column: headerOf('month'), message: `月份${row.fiscalYear}年${row.month}月不在项目${row.projectId}的预算年度${project.fiscalYear}年内` });
      }
      if (acting.actor.role === 'unit' && project.unitId !== acting.actor.unitId) {
        allErrors.push({ row: row.row, column: headerOf('projectId'), message: `项目${row.projectId}不属于本单位，无权录入其执行数据` });
      }
      const group = byProject.get(row.projectId) ?? { project, rows: [] };
      group.rows.push(row);
      byProject.set(row.projectId, group);
    }
    refuseIfErrors(batch, allErrors.sort((a, b) => a.row - b.row));

    let recordedCount = 0;
    const groups = [...byProject.values()];
    await inParallel(groups, PARALLEL_APPENDS, async ({ project, rows: projectRows }) => {
      const result = await this.streams.execute(
        executionLedgerDecider,
        executionLedgerStreamId(project.projectId),
        {
          type: 'RecordExecutionFigures',
          data: { projectId: project.projectId, unitId: project.unitId, figures: projectRows.map((r) => ({ ...r, budget: project.budgetFen })), channel: batch.channel, importId: batch.importId, by: acting.actor.userId, at: acting.at },
        },
        acting,
      );
      recordedCount += result.events.length;
    });

    const unknownProjects = [...unknown].map(([projectId, rowNumbers]) => ({ projectId, rows: rowNumbers }));
    const outcome = {
      status: 'imported' as const,
      importId: batch.importId,
      rowCount: rows.length,
      projectCount: byProject.size,
      recordedCount,
      unchangedCount: rows.length - unknownProjects.reduce((n, u) => n + u.rows.length, 0) - recordedCount,
      unknownProjects,
      message: importMessage(rows.length, recordedCount, unknownProjects),
    };
    if (batch.importId) {
      const recorded = await this.recordImport(batch, outcome, acting);
      if (recorded) return recorded;
    }
    return outcome;
  }

  private async earlierImport(importId: string): Promise<ExecutionImportOutcome | undefined> {
    const [event] = await this.streams.store.readStream(importStreamId(importId), { to: 1 });
    if (!event) return undefined;
    const data = (event.data as ExecutionDataImported['data']);
    return {
      status: 'already-imported',
      importId,
      importedAt: data.at,
      importedBy: data.by,
      unknownProjects: data.unknownProjects,
      message: `该文件（内容相同）已于${data.at}导入，本次未重复入账`,
    };
  }

  /** The import's own record; a concurrent twin that recorded first makes this one "already imported". */
  private async recordImport(
    batch: ExecutionBatch,
    outcome: Omit<ExecutionDataImported['data'], 'by' | 'at' | 'importId' | 'channel' | 'fileName'>,
    acting: RequestActor,
  ): Promise<ExecutionImportOutcome | undefined> {
    const event: ExecutionDataImported = {
      type: 'ExecutionDataImported',
      data: {
        importId: batch.importId!, channel: batch.channel, ...(batch.fileName ? { fileName: batch.fileName } : {}),
        rowCount: outcome.rowCount, projectCount: outcome.projectCount, recordedCount: outcome.recordedCount,
        unchangedCount: outcome.unchangedCount, unknownProjects: outcome.unknownProjects, by: acting.actor.userId, at: acting.at,
      },
    };
    try {
      await this.streams.store.appendToStream(importStreamId(batch.importId!), [event], { expectedVersion: 'no-stream', metadata: acting.metadata, source: SOURCE });
      return undefined;
    } catch (error) {
      if (error instanceof ConcurrencyError) return this.earlierImport(batch.importId!);
      throw error;
    }
  }

  private async knownProjects(rows: readonly ValidRow[]): Promise<Map<string, KnownProject>> {
    const ids = [...new Set(rows.map((r) => r.projectId))];
    const found: KnownProject[] = [];
    for (let i = 0; i < ids.length; i += 1000) found.push(...(await this.projects.findBy({ projectId: In(ids.slice(i, i + 1000)) })));
    return new Map(found.map((p) => [p.projectId, p]));
  }
}

function refuseIfErrors(batch: ExecutionBatch, errors: readonly RowError[]): void {
  if (!errors.length) return;
  const fieldOf = batch.fieldOf ?? ((e: RowError) => (e.row ? `第${e.row}行${e.column ? ` ${e.column}` : ''}` : '文件'));
  const what = batch.channel === 'file' ? '导入文件' : batch.channel === 'feed' ? '推送数据' : '录入数据';
  throw new ProblemException(422, 'EXECUTION_DATA_INVALID', `${what}有${errors.length}处错误，未导入任何数据，请更正后重新提交`, {
    title: '预算执行数据有误',
    errors: errors.map((e) => ({ field: fieldOf(e), row: e.row, column: e.column, message: e.message })),
  });
}

function importMessage(rows: number, recorded: number, unknown: UnknownProject[]): string {
  const parts = [`共${rows}行，新增或更正${recorded}条月度数据`];
  if (rows - recorded > 0) parts.push(`${rows - recorded - unknown.reduce((n, u) => n + u.rows.length, 0)}条与已有数据相同`);
  if (unknown.length) parts.push(`${unknown.length}个项目系统中未登记，相关数据未导入：${unknown.map((u) => u.projectId).join('、')}`);
  return parts.join('；');
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
