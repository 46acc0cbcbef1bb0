import type { ConsoleRoute } from '../../app/route-table';
import { CoveragePage } from './CoveragePage';
import { LibraryPage } from './LibraryPage';

export const adminRoutes: ConsoleRoute[] = [
  { path: '/admin/library', name: '指标库', roles: ['finance-admin'], element: <LibraryPage />, menu: true },
  { path: '/admin/coverage', name: '绩效目标覆盖率', roles: ['finance-admin', 'finance-reviewer'], element: <CoveragePage />, menu: true },
];
