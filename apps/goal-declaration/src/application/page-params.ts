import { ProblemException } from '@bpm/http';

export interface PageParams {
  page: number;
  pageSize: number;
}

/** page ≥ 1 (default 1), pageSize 1–200 (default 20). */
export function pageParams(q: Record<string, string | undefined>): PageParams {
  const page = q['page'] ? Number(q['page']) : 1;
  const pageSize = q['pageSize'] ? Number(q['pageSize']) : 20;
  if (!Number.isInteger(page) || page < 1) throw new ProblemException(400, 'BAD_PAGE', '页码（page）必须是不小于1的整数');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200) {
    throw new ProblemException(400, 'BAD_PAGE_SIZE', '每页条数（pageSize）必须是1到200之间的整数');
  }
  return { page, pageSize };
}
