import type { ConsoleRoute } from '../../app/route-table';
import { RecordsPage } from './RecordsPage';
import { TimelinePage } from './TimelinePage';

export const auditorRoutes: ConsoleRoute[] = [
  { path: '/auditor/records', name: '记录查询', roles: ['auditor'], element: <RecordsPage />, menu: true },
  { path: '/auditor/records/:projectId', name: '记录时间线', roles: ['auditor'], element: <TimelinePage /> },
];
