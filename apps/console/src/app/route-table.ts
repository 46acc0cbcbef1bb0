import type { ReactNode } from 'react';

/**
 * One entry per screen. Each feature folder (features/<role>/) exports its own table and
 * app/routes.tsx joins them: a new capability adds a folder and one line there.
 */
export interface ConsoleRoute {
  /** Below /console, e.g. `/unit/projects/:projectId`. */
  path: string;
  /** Menu and page title. */
  name: string;
  /** Who may open it; the API checks again on every call. */
  roles: string[];
  element: ReactNode;
  /** Listed in the side menu (pages reached from a list are not). */
  menu?: boolean;
}
