import { Module } from '@nestjs/common';
import { CoverageController } from '../coverage/coverage.controller';
import { ExAnteAssessmentsController } from '../ex-ante-assessments/ex-ante-assessments.controller';
import { FundNoticesController } from '../fund-notices/fund-notices.controller';
import { GoalsController } from '../goals/goals.controller';
import { IndicatorLibrariesController } from '../indicator-libraries/indicator-libraries.controller';
import { ProjectsController } from '../projects/projects.controller';

/** The resources the gateway checks (role, unit) and forwards to goal-declaration. */
@Module({
  controllers: [
    IndicatorLibrariesController,
    ProjectsController,
    GoalsController,
    CoverageController,
    ExAnteAssessmentsController,
    FundNoticesController,
  ],
})
export class ForwardingModule {}
