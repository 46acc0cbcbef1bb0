import type { operations } from '../../api/schema';

type ProjectQuery = NonNullable<operations['ProjectsController_list']['parameters']['query']>;

/** ProTable's search form and pager → the query of GET /projects (blank fields left out; the API checks the values). */
export function projectQuery(params: Record<string, unknown>): ProjectQuery {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const year = Number(params['fiscalYear']);
  return {
    page: Number(params['current'] ?? 1),
    pageSize: Number(params['pageSize'] ?? 10),
    search: text(params['search']),
    fiscalYear: Number.isInteger(year) && year > 0 ? year : undefined,
    status: text(params['status']) as ProjectQuery['status'],
    budget: text(params['budget']) as ProjectQuery['budget'],
  };
}
