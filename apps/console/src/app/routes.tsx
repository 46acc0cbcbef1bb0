import { adminRoutes } from '../features/admin/routes';
import { auditorRoutes } from '../features/auditor/routes';
import { reviewerRoutes } from '../features/reviewer/routes';
import { unitRoutes } from '../features/unit/routes';
import type { ConsoleRoute } from './route-table';

/** Every screen of the console, by role. Monitoring, evaluation and result application add theirs here. */
export const routes: ConsoleRoute[] = [...unitRoutes, ...reviewerRoutes, ...adminRoutes, ...auditorRoutes];

/** Where a role lands after signing in: its first menu entry. */
export const homeOf = (role: string): string => routes.find((r) => r.menu && r.roles.includes(role))?.path ?? '/welcome';
