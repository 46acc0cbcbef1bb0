import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@bpm/service';
import { goalReviewProviders } from '../goal-review/goal-review.providers';
import { keyEvaluationProviders } from '../key-evaluation/key-evaluation.providers';
import { monitoringProviders } from '../monitoring/monitoring.providers';
import { SignalBridge } from '../signal-bridge/signal-bridge.service';
import { WorkerService } from '../worker/worker.service';

@Module({
  imports: [ServiceRuntimeModule.forRoot({ service: 'orchestrator', dependencies: ['postgres', 'kafka', 'temporal'] })],
  providers: [...goalReviewProviders, ...keyEvaluationProviders, ...monitoringProviders, WorkerService, SignalBridge],
})
export class AppModule {}
