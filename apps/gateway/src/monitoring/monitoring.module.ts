import { Module } from '@nestjs/common';
import { ExecutionDataController } from './execution-data.controller';
import { MonitoringClient } from './monitoring.client';

/** The public monitoring API (绩效运行监控), forwarded to the monitoring service. */
@Module({
  controllers: [ExecutionDataController],
  providers: [MonitoringClient],
  exports: [MonitoringClient],
})
export class MonitoringModule {}
