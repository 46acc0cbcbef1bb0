import { Module } from '@nestjs/common';
import { EvaluationAccess } from './evaluation-access';
import { EVALUATION_UPSTREAM, EvaluationClient, loadEvaluationUpstream } from './evaluation.client';
import { EvaluationReportsController } from './evaluation-reports.controller';
import { KeyEvaluationsController } from './key-evaluations.controller';
import { SelfEvaluationsController } from './self-evaluations.controller';
import { ThirdPartiesController } from './third-parties.controller';

/** The gateway's road to evaluation: self-evaluation, key evaluation, the registry, the reports. */
@Module({
  controllers: [SelfEvaluationsController, ThirdPartiesController, KeyEvaluationsController, EvaluationReportsController],
  providers: [{ provide: EVALUATION_UPSTREAM, useFactory: () => loadEvaluationUpstream(process.env) }, EvaluationClient, EvaluationAccess],
  exports: [EvaluationClient],
})
export class EvaluationModule {}
