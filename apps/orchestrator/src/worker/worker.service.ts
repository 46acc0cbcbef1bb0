import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { ServiceConfig } from '@bpm/config';
import { SERVICE_CONFIG } from '@bpm/service';
import { ORCHESTRATOR_TASK_QUEUE, type CorrectiveCaseActivities, type GoalReviewActivities, type KeyEvaluationActivities } from '@bpm/workflows';
import { GOAL_REVIEW_ACTIVITIES } from '../goal-review/goal-review.providers';
import { KEY_EVALUATION_ACTIVITIES } from '../key-evaluation/key-evaluation.providers';
import { CORRECTIVE_CASE_ACTIVITIES } from '../monitoring/monitoring.providers';
import { createWorkerActivities } from './activities';
import { workflowsPath } from './workflows-path';

/** Runs the Temporal worker for the life of the orchestrator. */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerService.name);
  private worker?: Worker;
  private running?: Promise<void>;
  private connection?: NativeConnection;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(GOAL_REVIEW_ACTIVITIES) private readonly goalReviewActivities: GoalReviewActivities,
    @Inject(KEY_EVALUATION_ACTIVITIES) private readonly keyEvaluationActivities: KeyEvaluationActivities,
    @Inject(CORRECTIVE_CASE_ACTIVITIES) private readonly correctiveCaseActivities: CorrectiveCaseActivities,
  ) {}

  async onApplicationBootstrap() {
    installQuietRuntime();
    this.connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: ORCHESTRATOR_TASK_QUEUE,
      workflowsPath: workflowsPath(),
      activities: createWorkerActivities('orchestrator', this.goalReviewActivities, this.correctiveCaseActivities, this.keyEvaluationActivities),
    });
    this.running = this.worker.run().catch((e) => this.logger.error(e));
    this.logger.log(`worker polling ${ORCHESTRATOR_TASK_QUEUE}`);
  }

  async onApplicationShutdown() {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
  }
}

/** The SDK logs every worker state change at INFO; the platform's own logs say what matters. */
function installQuietRuntime() {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed in this process (a second app instance under test)
  }
}
