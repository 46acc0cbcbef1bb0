import { Controller, Get, Query } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { forbidden, invalid } from '@bpm/decider';
import { GRADE_LABELS, GRADES, type Actor } from '../../domain';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { KeyEvaluationSummary, ProjectFacts, SelfEvaluationSummary } from '../../projections/entities';

const yearOf = (value: unknown): number => {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalid('FISCAL_YEAR_INVALID', '须指定有效的年度', 'fiscalYear');
  return year;
};
/** A unit sees its own figures; finance and auditors the region's; an evaluator none of it. */
const unitScope = (actor: Actor, unitId?: string): string | undefined => {
  if (actor.role === 'evaluator') throw forbidden('ROLE_NOT_ALLOWED', '第三方评价人员只能查看委托给本机构的重点评价');
  return actor.role === 'unit' ? actor.unitId : unitId;
};

/** Region-wide reports of evaluation: 全覆盖 coverage, grade distribution, flagged self-evaluations, key evaluations by status. */
@Controller('internal/evaluation-reports')
export class ReportsController {
  constructor(
    @InjectRepository(ProjectFacts) private readonly facts: Repository<ProjectFacts>,
    @InjectRepository(SelfEvaluationSummary) private readonly selfs: Repository<SelfEvaluationSummary>,
    @InjectRepository(KeyEvaluationSummary) private readonly keys: Repository<KeyEvaluationSummary>,
  ) {}

  /** 自评覆盖率 by unit: projects with an approved goal, and how many were self-evaluated (submitted or accepted). */
  @Get('self-evaluation-coverage')
  async coverage(@Query('fiscalYear') fy: string, @Query('unitId') unitId: string | undefined, @Acting() acting: RequestActor) {
    const fiscalYear = yearOf(fy);
    const unit = unitScope(acting.actor, unitId);
    const rows: { unitId: string; projects: string; opened: string; evaluated: string; accepted: string }[] = await this.facts.query(
      `select f."unitId", count(*) as projects, count(s."projectId") as opened,
              count(*) filter (where s.status in ('submitted','accepted')) as evaluated,
              count(*) filter (where s.status = 'accepted') as accepted
         from evaluation.project_facts f left join evaluation.self_evaluation_summary s on s."projectId" = f."projectId"
        where f."fiscalYear" = $1 and f."goalStatus" = 'approved' and ($2::text is null or f."unitId" = $2)
        group by f."unitId" order by f."unitId"`,
      [fiscalYear, unit ?? null],
    );
    const units = rows.map((r) => ({ unitId: r.unitId, projects: Number(r.projects), opened: Number(r.opened), evaluated: Number(r.evaluated), accepted: Number(r.accepted) }));
    const total = units.reduce((a, u) => ({ projects: a.projects + u.projects, evaluated: a.evaluated + u.evaluated }), { projects: 0, evaluated: 0 });
    return { fiscalYear, units, ...total, coveragePercent: total.projects === 0 ? null : Math.round((total.evaluated / total.projects) * 10000) / 100, fullCoverage: total.projects > 0 && total.evaluated === total.projects };
  }

  /** 等级分布 of accepted self-evaluations and completed key evaluations. */
  @Get('grade-distribution')
  async grades(@Query('fiscalYear') fy: string, @Query('unitId') unitId: string | undefined, @Acting() acting: RequestActor) {
    const fiscalYear = yearOf(fy);
    const unit = unitScope(acting.actor, unitId);
    const count = async (repo: Repository<SelfEvaluationSummary> | Repository<KeyEvaluationSummary>, status: string) => {
      const rows: { grade: string; n: string }[] = await repo.query(
        `select grade, count(*) as n from ${repo.metadata.schema}.${repo.metadata.tableName} where "fiscalYear" = $1 and status = $2 and ($3::text is null or "unitId" = $3) group by grade`,
        [fiscalYear, status, unit ?? null],
      );
      return GRADES.map((grade) => ({ grade, label: GRADE_LABELS[grade], count: Number(rows.find((r) => r.grade === grade)?.n ?? 0) }));
    };
    return { fiscalYear, selfEvaluations: await count(this.selfs, 'accepted'), keyEvaluations: await count(this.keys, 'completed') };
  }

  /** The region-wide list of flagged self-evaluations (figures drifting from the data, only objective reasons). */
  @Get('flagged-self-evaluations')
  async flagged(@Query('fiscalYear') fy: string, @Acting() acting: RequestActor) {
    const fiscalYear = yearOf(fy);
    const unit = unitScope(acting.actor);
    const rows = await this.selfs
      .createQueryBuilder('s')
      .where('s."fiscalYear" = :fiscalYear', { fiscalYear })
      .andWhere(`jsonb_array_length(s.flags) > 0`)
      .andWhere(unit ? 's."unitId" = :unit' : '1=1', { unit })
      .orderBy('s."unitId"').addOrderBy('s."projectId"')
      .getMany();
    return { fiscalYear, items: rows.map((r) => ({ projectId: r.projectId, unitId: r.unitId, status: r.status, total: r.total, grade: r.grade, flags: r.flags })) };
  }

  /** 重点评价 by status. */
  @Get('key-evaluations-by-status')
  async keyByStatus(@Query('fiscalYear') fy: string, @Acting() acting: RequestActor) {
    const fiscalYear = yearOf(fy);
    if (acting.actor.role === 'unit' || acting.actor.role === 'evaluator') throw forbidden('ROLE_NOT_ALLOWED', '只有财政部门和审计人员可以查看重点评价总体情况');
    const rows = await this.keys.find({ where: { fiscalYear }, order: { projectId: 'ASC' } });
    const byStatus: Record<string, { count: number; projects: { projectId: string; name: string; unitId: string; stage: string | null; grade: string | null }[] }> = {};
    for (const r of rows) {
      byStatus[r.status] ??= { count: 0, projects: [] };
      byStatus[r.status].count++;
      byStatus[r.status].projects.push({ projectId: r.projectId, name: r.name, unitId: r.unitId, stage: r.stage, grade: r.grade });
    }
    return { fiscalYear, total: rows.length, byStatus };
  }
}
