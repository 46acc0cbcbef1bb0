import { Controller, Get, Param, Query } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { forbidden, notFound } from '@bpm/decider';
import { GRADE_LABELS, isAssignedEvaluator, keyEvaluationDecider, type Actor, type KeyEvaluationState } from '../../domain';
import { evidenceOf } from '../../projections/project-facts';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { keyEvaluationStreamId } from '../../infrastructure/tokens';
import { KeyEvaluationSummary, ProjectFacts } from '../../projections/entities';
import { fiscalYear } from '../input';

const NOT_FOUND = () => notFound('KEY_EVALUATION_NOT_FOUND', '未找到该重点评价');

/** Finance and auditors read every key evaluation; an evaluator only its assigned ones; a unit its own. Others: "not found". */
const mayRead = (actor: Actor, state: Exclude<KeyEvaluationState, { status: 'none' }>) =>
  actor.role === 'finance-admin' || actor.role === 'finance-reviewer' || actor.role === 'auditor' ||
  (actor.role === 'unit' && actor.unitId === state.project.unitId) || isAssignedEvaluator(actor, state);

@Controller('internal/key-evaluations')
export class KeyEvaluationQueriesController {
  constructor(
    private readonly streams: StreamCommands,
    @InjectRepository(ProjectFacts) private readonly facts: Repository<ProjectFacts>,
    @InjectRepository(KeyEvaluationSummary) private readonly keys: Repository<KeyEvaluationSummary>,
  ) {}

  /**
   * 重点评价选项目: approved projects of a year, filterable by amount (yuan), budget, type and
   * last year's self-evaluation grade (the unit's project of the same name in the year before).
   */
  @Get('candidates')
  async candidates(
    @Query('fiscalYear') fy: string,
    @Query('minAmount') minAmount: string | undefined,
    @Query('maxAmount') maxAmount: string | undefined,
    @Query('budget') budget: string | undefined,
    @Query('projectType') projectType: string | undefined,
    @Query('lastYearGrade') lastYearGrade: string | undefined,
    @Acting() acting: RequestActor,
  ) {
    if (acting.actor.role !== 'finance-admin' && acting.actor.role !== 'finance-reviewer' && acting.actor.role !== 'auditor') {
      throw forbidden('ROLE_NOT_ALLOWED', '只有财政部门可以筛选重点评价项目');
    }
    const year = fiscalYear(fy);
    // Amounts beyond any county budget (and PostgreSQL's bigint) are no filter a person meant.
    const fen = (yuan: string | undefined) => (yuan === undefined || yuan === '' || !Number.isFinite(Number(yuan)) || Math.abs(Number(yuan)) > 1e13 ? null : Math.round(Number(yuan) * 100));
    const rows: Record<string, unknown>[] = await this.facts.query(
      `select f."projectId", f."unitId", f.name, f.budget, f."projectType", f."amountFen", prev.grade as "lastYearGrade", k.status as "keyEvaluationStatus"
         from evaluation.project_facts f
         left join lateral (
           select s.grade from evaluation.project_facts p join evaluation.self_evaluation_summary s on s."projectId" = p."projectId" and s.status = 'accepted'
            where p."unitId" = f."unitId" and p.name = f.name and p."fiscalYear" = f."fiscalYear" - 1 limit 1) prev on true
         left join evaluation.key_evaluation_summary k on k."projectId" = f."projectId"
        where f."fiscalYear" = $1 and f."goalStatus" = 'approved'
          and ($2::bigint is null or f."amountFen" >= $2) and ($3::bigint is null or f."amountFen" <= $3)
          and ($4::text is null or f.budget = $4) and ($5::text is null or f."projectType" = $5)
          and ($6::text is null or prev.grade = $6)
        order by f."amountFen" desc, f."projectId"`,
      [year, fen(minAmount), fen(maxAmount), budget || null, projectType || null, lastYearGrade || null],
    );
    return { fiscalYear: year, items: rows.map((r) => ({ ...r, amountFen: Number(r['amountFen']) })) };
  }

  /** The key evaluations this actor may see: an evaluator's assigned ones only. */
  @Get()
  async list(@Query('fiscalYear') fy: string | undefined, @Query('status') status: string | undefined, @Acting() acting: RequestActor) {
    const { actor } = acting;
    const qb = this.keys.createQueryBuilder('k').orderBy('k."projectId"');
    if (fy) qb.andWhere('k."fiscalYear" = :fy', { fy: fiscalYear(fy) });
    if (status) qb.andWhere('k.status = :status', { status });
    if (actor.role === 'evaluator') qb.andWhere(`(k."agencyId" = :me or k."expertIds" ? :me)`, { me: actor.unitId ?? '' });
    else if (actor.role === 'unit') qb.andWhere('k."unitId" = :unit', { unit: actor.unitId ?? '' });
    return { items: await qb.getMany() };
  }

  @Get(':projectId')
  async get(@Param('projectId') projectId: string, @Acting() acting: RequestActor) {
    const { state, version, events } = await this.streams.load(keyEvaluationDecider, keyEvaluationStreamId(projectId));
    if (state.status === 'none' || !mayRead(acting.actor, state)) throw NOT_FOUND();
    const result = 'result' in state ? state.result : 'draft' in state ? state.draft : undefined;
    const draft = [...events].reverse().find((e) => e.type === 'KeyEvaluationDraftSubmitted');
    return {
      projectId, version, ...state,
      ...(result ? { gradeLabel: GRADE_LABELS[result.grade] } : {}),
      ...(draft ? { indicators: (draft.data as { indicators: unknown }).indicators, resultEvidence: evidenceOf(draft) } : {}),
      history: events.map((e) => ({ type: e.type, version: e.version, hash: e.hash, time: e.time, by: e.metadata.actor.id })),
    };
  }
}
