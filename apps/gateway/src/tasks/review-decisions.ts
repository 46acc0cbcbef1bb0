import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { ServiceConfig } from '@bpm/config';
import { ProblemException } from '@bpm/http';
import { LazyTemporalConnection, SERVICE_CONFIG, TEMPORAL_CONNECTION } from '@bpm/service';
import { HasWorkflowClient, ReviewDecision, ReviewDecisionResult, ReviewTaskError, decideReview } from '@bpm/workflows';

/** Where a reviewer's decision goes: the goal review workflow of that project and round. */
export abstract class ReviewDecisions {
  abstract decide(projectId: string, reviewRound: number, decision: ReviewDecision): Promise<ReviewDecisionResult>;
}

/**
 * A refusal of the workflow (validator, unknown or closed task, goal-declaration's answer)
 * as a problem with its Chinese message; anything else is left to the global filter.
 */
export function reviewProblemOf(error: unknown): unknown {
  if (error instanceof ReviewTaskError) {
    return new ProblemException(error.status, error.code, error.message, { cause: error });
  }
  return error;
}

/** Executes the Temporal Update `decide` through `@bpm/workflows`' client. */
@Injectable()
export class TemporalReviewDecisions extends ReviewDecisions {
  private readonly logger = new Logger('ReviewDecisions');
  private client?: HasWorkflowClient;

  constructor(
    @Inject(TEMPORAL_CONNECTION) private readonly connection: LazyTemporalConnection,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    super();
  }

  async decide(projectId: string, reviewRound: number, decision: ReviewDecision): Promise<ReviewDecisionResult> {
    const client = await this.workflowClient();
    try {
      return await decideReview(client, projectId, reviewRound, decision);
    } catch (error) {
      throw reviewProblemOf(error);
    }
  }

  /** Opened on first use, so the gateway starts while Temporal is down. */
  protected async workflowClient(): Promise<HasWorkflowClient> {
    if (this.client) return this.client;
    try {
      const connection = await this.connection.get();
      this.client = new Client({ connection, namespace: this.config.TEMPORAL_NAMESPACE });
      return this.client;
    } catch (error) {
      this.logger.warn(`Temporal unreachable: ${(error as Error)?.message ?? String(error)}`);
      throw new ProblemException(503, 'WORKFLOW_UNAVAILABLE', '审核流程服务暂不可用，请稍后重试', { title: '服务暂不可用', cause: error });
    }
  }
}
