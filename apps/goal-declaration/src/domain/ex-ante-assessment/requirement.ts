import { GoalDeclarationParameters } from '../parameters';
import { Project } from '../project';

export type ExAnteProjectFacts = Pick<Project, 'isNew' | 'amount'> &
  Partial<Pick<Project, 'major' | 'expiringProposedToContinue'>>;

/**
 * Major (重大): flagged so, or at/above the region's amount threshold (default 5,000,000 yuan).
 * The flag can add projects, never remove ones the threshold catches.
 */
export const isMajorProject = (project: ExAnteProjectFacts, params: Pick<GoalDeclarationParameters, 'exAnteThreshold'>): boolean =>
  project.major === true || project.amount >= params.exAnteThreshold;

/**
 * 事前绩效评估 is required for new major projects (and policies), and for
 * expiring major ones proposed to continue.
 */
export const requiresExAnteAssessment = (
  project: ExAnteProjectFacts,
  params: Pick<GoalDeclarationParameters, 'exAnteThreshold'>,
): boolean => (project.isNew || project.expiringProposedToContinue === true) && isMajorProject(project, params);
