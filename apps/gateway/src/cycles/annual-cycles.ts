import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { ServiceConfig } from '@bpm/config';
import { ProblemException } from '@bpm/http';
import { LazyTemporalConnection, SERVICE_CONFIG, TEMPORAL_CONNECTION } from '@bpm/service';
import {
  advanceCyclePhase,
  AnnualCycleError,
  annualCycleWorkflowId,
  describeAnnualCycle,
  extendCycleDeadline,
  startAnnualCycle,
  type AnnualCycleInput,
  type AnnualCycleStatus,
  type DeadlineExtension,
  type HasWorkflowClient,
  type PhaseAdvance,
} from '@bpm/workflows';

export type StartedCycle = Readonly<{ workflowId: string; region: string; fiscalYear: number }>;

/**
 * A query or update waits for a worker; with the orchestrator down it would wait for ever.
 * The gateway answers 503 before its callers give up.
 */
export const CYCLE_CALL_TIMEOUT_MS = 10_000;

/** The annual cycle workflows, as the gateway needs them (replaced in tests that need no Temporal). */
export abstract class AnnualCycles {
  abstract start(input: AnnualCycleInput): Promise<StartedCycle>;
  abstract describe(region: string, fiscalYear: number): Promise<AnnualCycleStatus>;
  abstract extend(region: string, fiscalYear: number, ext: DeadlineExtension): Promise<AnnualCycleStatus>;
  abstract advance(region: string, fiscalYear: number, adv: PhaseAdvance): Promise<AnnualCycleStatus>;
}

/** A refusal of the cycle (validator, unknown year, calendar) as a problem with its Chinese detail. */
export function cycleProblemOf(error: unknown): unknown {
  if (error instanceof AnnualCycleError) return new ProblemException(error.status, error.code, error.message, { cause: error });
  return error;
}

/** Queries and updates the cycle through `@bpm/workflows`' client. */
@Injectable()
export class TemporalAnnualCycles extends AnnualCycles {
  private readonly logger = new Logger('AnnualCycles');
  private client?: Client;

  constructor(
    @Inject(TEMPORAL_CONNECTION) private readonly connection: LazyTemporalConnection,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    super();
  }

  async start(input: AnnualCycleInput): Promise<StartedCycle> {
    await this.call(async (c) => startAnnualCycle(c, input));
    return { workflowId: annualCycleWorkflowId(input.region, input.fiscalYear), region: input.region, fiscalYear: input.fiscalYear };
  }
  describe(region: string, fiscalYear: number): Promise<AnnualCycleStatus> {
    return this.call((c) => describeAnnualCycle(c, region, fiscalYear));
  }
  extend(region: string, fiscalYear: number, ext: DeadlineExtension): Promise<AnnualCycleStatus> {
    return this.call((c) => extendCycleDeadline(c, region, fiscalYear, ext));
  }
  advance(region: string, fiscalYear: number, adv: PhaseAdvance): Promise<AnnualCycleStatus> {
    return this.call((c) => advanceCyclePhase(c, region, fiscalYear, adv));
  }

  private async call<T>(fn: (client: HasWorkflowClient) => Promise<T>): Promise<T> {
    const client = await this.workflowClient();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ProblemException(503, 'WORKFLOW_UNAVAILABLE', '年度工作流程暂无响应（编排服务可能未运行），请稍后重试', { title: '服务暂不可用' })),
        CYCLE_CALL_TIMEOUT_MS,
      );
    });
    try {
      // The deadline also ends the gRPC call itself, shortly after the answer above.
      return await Promise.race([client.withDeadline(Date.now() + CYCLE_CALL_TIMEOUT_MS + 1_000, () => fn(client)), timeout]);
    } catch (error) {
      throw cycleProblemOf(error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Opened on first use, so the gateway starts while Temporal is down. */
  private async workflowClient(): Promise<Client> {
    if (this.client) return this.client;
    try {
      const connection = await this.connection.get();
      this.client = new Client({ connection, namespace: this.config.TEMPORAL_NAMESPACE });
      return this.client;
    } catch (error) {
      this.logger.warn(`Temporal unreachable: ${(error as Error)?.message ?? String(error)}`);
      throw new ProblemException(503, 'WORKFLOW_UNAVAILABLE', '年度工作流程服务暂不可用，请稍后重试', { title: '服务暂不可用', cause: error });
    }
  }
}
