import { Controller, Get, Query } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ProblemException } from '@bpm/http';

export class GetUnitScorecard {
  constructor(readonly fiscalYear: number, readonly unitId?: string) {}
}

/**
 * 单位绩效监控记分卡, for targeted guidance: per unit, how many projects lag (red / yellow in their
 * latest month), how many goals look set too low (flag), reports filed late or overdue, and
 * corrective cases open, escalated or with allocation restricted. Sorted worst first.
 */
@QueryHandler(GetUnitScorecard)
export class GetUnitScorecardHandler implements IQueryHandler<GetUnitScorecard> {
  constructor(private readonly db: DataSource) {}

  async execute({ fiscalYear, unitId }: GetUnitScorecard) {
    const params: unknown[] = [fiscalYear];
    const unitFilter = unitId ? `and "unitId" = $${params.push(unitId)}` : '';
    const rows: Record<string, string | number>[] = await this.db.query(
      `with latest as (
         select distinct on ("projectId") "unitId", level from monitoring.monitoring_report
          where "fiscalYear" = $1 ${unitFilter} order by "projectId", month desc),
       reports as (
         select "unitId", count(*) filter (where overdue) overdue, count(*) filter (where late) late, count(*) total
           from monitoring.monitoring_report where "fiscalYear" = $1 ${unitFilter} group by "unitId"),
       cases as (
         select "unitId", count(*) filter (where status in ('open', 'escalated')) open, count(*) filter (where status = 'escalated') escalated,
                count(*) filter (where allocation <> 'allowed') restricted
           from monitoring.corrective_case where "fiscalYear" = $1 ${unitFilter} group by "unitId")
       select u."unitId",
              count(*) filter (where l.level = 'red')::int red, count(*) filter (where l.level = 'yellow')::int yellow,
              count(*) filter (where l.level = 'flag')::int "targetTooLow", count(l.level)::int projects,
              coalesce(max(r.total), 0)::int reports, coalesce(max(r.late), 0)::int "lateReports", coalesce(max(r.overdue), 0)::int "overdueReports",
              coalesce(max(c.open), 0)::int "openCases", coalesce(max(c.escalated), 0)::int "escalatedCases", coalesce(max(c.restricted), 0)::int "restrictedCases"
         from (select distinct "unitId" from monitoring.monitoring_report where "fiscalYear" = $1 ${unitFilter}) u
         left join latest l on l."unitId" = u."unitId"
         left join reports r on r."unitId" = u."unitId"
         left join cases c on c."unitId" = u."unitId"
        group by u."unitId"
        order by red desc, "escalatedCases" desc, "overdueReports" desc, yellow desc, u."unitId"`,
      params,
    );
    return { fiscalYear, units: rows };
  }
}

@Controller('internal/monitoring/scorecard')
export class UnitScorecardController {
  constructor(private readonly queries: QueryBus) {}
  @Get()
  get(@Query() q: Record<string, string | undefined>) {
    const fiscalYear = Number(q['fiscalYear']);
    if (!Number.isInteger(fiscalYear)) throw new ProblemException(400, 'FISCAL_YEAR_REQUIRED', '请指定预算年度（fiscalYear）');
    return this.queries.execute(new GetUnitScorecard(fiscalYear, q['unitId']));
  }
}
