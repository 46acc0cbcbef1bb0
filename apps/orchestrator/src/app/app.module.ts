import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@bpm/service';
import { WorkerService } from '../worker/worker.service';

@Module({
  imports: [ServiceRuntimeModule.forRoot({ service: 'orchestrator', dependencies: ['postgres', 'kafka', 'temporal'] })],
  providers: [WorkerService],
})
export class AppModule {}
