import { Controller, Get, Query } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ProblemException } from '@bpm/http';

export interface BoardFilter {
  fiscalYear: number;
  month?: number;
  unitId?: string;
  level?: string;
  budget?: string;
}

export class GetWarningBoard {
  constructor(readonly filter: BoardFilter) {}
}

const LEVELS = ['red', 'yellow', 'flag', 'green'];

/**
 * 预警看板: each project's latest month (or the month asked for) by colour, with counts by
 * colour, unit and budget type, and the warnings themselves (numbers and explanation).
 */
@QueryHandler(GetWarningBoard)
export class GetWarningBoardHandler implements IQueryHandler<GetWarningBoard> {
  constructor(private readonly db: DataSource) {}

  async execute({ filter }: GetWarningBoard) {
    const params: unknown[] = [filter.fiscalYear];
    const where = ['r."fiscalYear" = $1'];
    if (filter.month) where.push(`r.month = $${params.push(filter.month)}`);
    if (filter.unitId) where.push(`r."unitId" = $${params.push(filter.unitId)}`);
    if (filter.budget) where.push(`p.budget = $${params.push(filter.budget)}`);
    const latest = filter.month ? '' : 'distinct on (r."projectId")';
    const rows: { projectId: string; unitId: string; budget: string; name: string; month: number; level: string; status: string; warnings: unknown[] }[] = await this.db.query(
      `select ${latest} r."projectId", r."unitId", p.budget, p.name, r.month, r.level, r.status, r.warnings
         from monitoring.monitoring_report r join monitoring.known_project p on p."projectId" = r."projectId"
        where ${where.join(' and ')}
        order by r."projectId", r.month desc`,
      params,
    );
    const shown = filter.level ? rows.filter((r) => r.level === filter.level) : rows;
    const count = (key: 'level' | 'unitId' | 'budget') =>
      rows.reduce<Record<string, Record<string, number>>>((acc, r) => {
        acc[r[key]] ??= {};
        acc[r[key]][r.level] = (acc[r[key]][r.level] ?? 0) + 1;
        return acc;
      }, {});
    return {
      fiscalYear: filter.fiscalYear,
      byLevel: Object.fromEntries(LEVELS.map((l) => [l, rows.filter((r) => r.level === l).length])),
      byUnit: count('unitId'),
      byBudget: count('budget'),
      projects: shown,
    };
  }
}

@Controller('internal/monitoring/warning-board')
export class WarningBoardController {
  constructor(private readonly queries: QueryBus) {}
  @Get()
  get(@Query() q: Record<string, string | undefined>) {
    const fiscalYear = Number(q['fiscalYear']);
    if (!Number.isInteger(fiscalYear)) throw new ProblemException(400, 'FISCAL_YEAR_REQUIRED', '请指定预算年度（fiscalYear）');
    if (q['level'] && !LEVELS.includes(q['level'])) throw new ProblemException(400, 'LEVEL_INVALID', '预警等级（level）应为 red、yellow、flag 或 green');
    return this.queries.execute(
      new GetWarningBoard({ fiscalYear, month: q['month'] ? Number(q['month']) : undefined, unitId: q['unitId'], level: q['level'], budget: q['budget'] }),
    );
  }
}
