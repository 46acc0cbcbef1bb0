import type { FindOptionsWhere, Repository } from 'typeorm';
import { ProblemException } from '@bpm/http';
import { ResultRecord } from '../projections/result-record.entity';

/** page ≥ 1 (default 1), pageSize 1–200 (default 20). */
export function pageParams(q: Record<string, string | undefined>) {
  const page = q['page'] ? Number(q['page']) : 1;
  const pageSize = q['pageSize'] ? Number(q['pageSize']) : 20;
  if (!Number.isInteger(page) || page < 1) throw new ProblemException(400, 'BAD_PAGE', '页码（page）必须是不小于1的整数');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200) throw new ProblemException(400, 'BAD_PAGE_SIZE', '每页条数（pageSize）必须是1到200之间的整数');
  return { page, pageSize };
}

/** A list of one category's records by status, unit and year, earliest deadline first. */
export async function listRecords(repo: Repository<ResultRecord>, category: string, q: Record<string, string | undefined>) {
  const page = pageParams(q);
  const where: FindOptionsWhere<ResultRecord> = { category };
  if (q['unitId']) where.unitId = q['unitId'];
  if (q['status']) where.status = q['status'];
  if (q['fiscalYear']) {
    const year = Number(q['fiscalYear']);
    if (!Number.isInteger(year)) throw new ProblemException(400, 'BAD_FISCAL_YEAR', '年度（fiscalYear）必须是整数');
    where.fiscalYear = year;
  }
  const [items, total] = await repo.findAndCount({ where, order: { dueAt: { direction: 'ASC', nulls: 'LAST' }, recordId: 'ASC' }, skip: (page.page - 1) * page.pageSize, take: page.pageSize });
  return { items, total, ...page };
}
