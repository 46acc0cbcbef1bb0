import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { ServiceConfig } from '@bpm/config';
import { ProblemException } from '@bpm/http';
import { LazyTemporalConnection, SERVICE_CONFIG, TEMPORAL_CONNECTION } from '@bpm/service';
import { answerCorrectiveCase, CorrectiveCaseError, type CorrectiveAnswer, type CorrectiveAnswerResult, type HasWorkflowClient } from '@bpm/workflows';

/**
 * Where a unit's corrective answer goes: the case's follow-up workflow, whose Update checks
 * that the case is still open and no other answer is being recorded, then has monitoring
 * record it. Straight to monitoring, the follow-up would never learn of the answer and would
 * wait on it for ever.
 */
export abstract class CorrectiveAnswers {
  abstract answer(caseId: string, answer: CorrectiveAnswer): Promise<CorrectiveAnswerResult>;
}

/** The follow-up's refusal or monitoring's, as a problem with its Chinese message; anything else to the global filter. */
export function correctiveProblemOf(error: unknown): unknown {
  if (error instanceof CorrectiveCaseError) return new ProblemException(error.status, error.code, error.message, { cause: error });
  return error;
}

/** Executes the Temporal Update `answer` through `@bpm/workflows`' client. */
@Injectable()
export class TemporalCorrectiveAnswers extends CorrectiveAnswers {
  private readonly logger = new Logger('CorrectiveAnswers');
  private client?: HasWorkflowClient;

  constructor(
    @Inject(TEMPORAL_CONNECTION) private readonly connection: LazyTemporalConnection,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    super();
  }

  async answer(caseId: string, answer: CorrectiveAnswer): Promise<CorrectiveAnswerResult> {
    return answerCorrectiveCase(await this.workflowClient(), caseId, answer);
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
      throw new ProblemException(503, 'WORKFLOW_UNAVAILABLE', '纠偏跟踪流程服务暂不可用，请稍后重试', { title: '服务暂不可用', cause: error });
    }
  }
}
