import { Module } from '@nestjs/common';
import { BudgetProposalsController } from './budget-proposals.controller';
import { DisclosuresController, PublicDisclosuresController, ResultHistoryController } from './disclosures.controller';
import { OverlapsController } from './overlaps.controller';
import { RectificationsController } from './rectifications.controller';
import { RectificationVerifications, TemporalRectificationVerifications } from './rectification-verifications';
import { RESULT_APPLICATION_URL, ResultApplicationClient, loadResultApplicationUrl } from './result-application.client';

/** 结果应用: the resources the gateway checks (role, unit) and forwards to result-application. */
@Module({
  controllers: [RectificationsController, BudgetProposalsController, OverlapsController, DisclosuresController, PublicDisclosuresController, ResultHistoryController],
  providers: [
    { provide: RESULT_APPLICATION_URL, useFactory: () => loadResultApplicationUrl(process.env) },
    ResultApplicationClient,
    { provide: RectificationVerifications, useClass: TemporalRectificationVerifications },
  ],
  exports: [RESULT_APPLICATION_URL],
})
export class ResultApplicationModule {}
