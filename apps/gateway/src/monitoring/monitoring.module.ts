import { Module } from '@nestjs/common';
import { CorrectiveAnswers, TemporalCorrectiveAnswers } from './corrective-answers';
import { ExecutionDataController } from './execution-data.controller';
import { MonitoringClient } from './monitoring.client';
import { CorrectiveCasesController, MonitoringBoardsController, MonitoringReportsController } from './monitoring-reports.controller';

/** The public monitoring API (绩效运行监控), forwarded to the monitoring service. */
@Module({
  controllers: [ExecutionDataController, MonitoringReportsController, CorrectiveCasesController, MonitoringBoardsController],
  providers: [MonitoringClient, { provide: CorrectiveAnswers, useClass: TemporalCorrectiveAnswers }],
  exports: [MonitoringClient],
})
export class MonitoringModule {}
