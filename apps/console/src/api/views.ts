/**
 * Shapes the console reads from answers the OpenAPI document leaves open (`additionalProperties`).
 * Only what the screens show; every field is checked where it is used.
 */
import type { components } from './schema';

/** An indicator of the goal table, as the API's document types it. */
export type DeclaredIndicator = components['schemas']['DeclaredIndicatorDto'];

export interface GoalDeclaration {
  overallGoal: string;
  indicators: DeclaredIndicator[];
}

export interface IndicatorComment {
  indicatorName: string;
  comment: string;
}

export interface GoalView {
  projectId: string;
  unitId: string;
  fiscalYear: number;
  status: string;
  statusLabel?: string;
  version?: number;
  reviewRound?: number;
  submission?: number;
  streamVersion?: number;
  project?: { name?: string; region?: string; budget?: string; projectType?: string; amount?: number };
  declaration?: GoalDeclaration;
  lastReturnComments?: IndicatorComment[];
  approved?: { rating?: string; version?: number };
}

export interface ProjectRow {
  projectId: string;
  unitId: string;
  fiscalYear: number;
  name: string;
  budget: string;
  projectType: string;
  amount: number;
  status: string;
  reviewRound: number;
  rating: string | null;
  updatedAt: string;
}

export interface TaskRow {
  taskId: string;
  projectId: string;
  unitId: string;
  fiscalYear: number;
  projectName: string;
  reviewRound: number;
  submission: number;
  status: string;
  submittedAt: string;
  dueAt: string;
  overdue: boolean;
  isAdjustment: boolean;
  outcome: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LibraryIndicator {
  id: string;
  categoryId: string;
  name: string;
  level1: DeclaredIndicator['level1'];
  level2: DeclaredIndicator['level2'];
  unitOfMeasure?: string;
  direction: DeclaredIndicator['direction'];
  explanation: string;
  dataSource: string;
  kind: 'common' | 'individual';
  status: 'active' | 'retired';
}

export interface LibraryView {
  libraryId: string;
  status: string;
  region?: string;
  fiscalYear?: number;
  categories?: Record<string, { id: string; name: string }>;
  indicators?: Record<string, LibraryIndicator>;
}

export interface CoverageRow {
  budget: string;
  budgetLabel: string;
  projects: number;
  approved: number;
  ratio: number;
}

export interface CoverageView {
  fiscalYear: number;
  unitId?: string;
  byBudget: CoverageRow[];
  total: { projects: number; approved: number; ratio: number };
}

/** The library of a region's year: `county-2026`. */
export const libraryIdOf = (region: string | undefined, fiscalYear: number): string => `${region?.trim() || 'county'}-${fiscalYear}`;
