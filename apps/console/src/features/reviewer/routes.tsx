import type { ConsoleRoute } from '../../app/route-table';
import { InboxPage } from './InboxPage';
import { ReviewPage } from './ReviewPage';

export const reviewerRoutes: ConsoleRoute[] = [
  { path: '/reviewer/tasks', name: '审核待办', roles: ['finance-reviewer'], element: <InboxPage />, menu: true },
  { path: '/reviewer/tasks/:projectId/rounds/:round', name: '绩效目标审核', roles: ['finance-reviewer'], element: <ReviewPage /> },
];
