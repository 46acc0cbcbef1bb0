import type { ConsoleRoute } from '../../app/route-table';
import { GoalPage } from './GoalPage';
import { ProjectsPage } from './ProjectsPage';

export const unitRoutes: ConsoleRoute[] = [
  { path: '/unit/projects', name: '我的项目', roles: ['unit'], element: <ProjectsPage />, menu: true },
  { path: '/unit/projects/:projectId', name: '绩效目标申报', roles: ['unit'], element: <GoalPage /> },
];
