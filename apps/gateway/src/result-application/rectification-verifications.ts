import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { ServiceConfig } from '@bpm/config';
import { ProblemException } from '@bpm/http';
import { LazyTemporalConnection, SERVICE_CONFIG, TEMPORAL_CONNECTION } from '@bpm/service';
import { HasRectificationClient, MeasureVerification, MeasureVerificationResult, RectificationCaseError, verifyMeasure } from '@bpm/workflows';

/** Where a reviewer's verification goes: the case's rectification workflow (Update `verifyMeasure`). */
export abstract class RectificationVerifications {
  abstract verify(caseId: string, verification: MeasureVerification): Promise<MeasureVerificationResult>;
}

@Injectable()
export class TemporalRectificationVerifications extends RectificationVerifications {
  private readonly logger = new Logger('RectificationVerifications');
  private client?: HasRectificationClient;

  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: LazyTemporalConnection, @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {
    super();
  }

  async verify(caseId: string, verification: MeasureVerification): Promise<MeasureVerificationResult> {
    const client = await this.workflowClient();
    try {
      return await verifyMeasure(client, caseId, verification);
    } catch (error) {
      if (error instanceof RectificationCaseError) throw new ProblemException(error.status, error.code, error.message, { cause: error });
      throw error;
    }
  }

  private async workflowClient(): Promise<HasRectificationClient> {
    if (this.client) return this.client;
    try {
      this.client = new Client({ connection: await this.connection.get(), namespace: this.config.TEMPORAL_NAMESPACE });
      return this.client;
    } catch (error) {
      this.logger.warn(`Temporal unreachable: ${(error as Error)?.message ?? String(error)}`);
      throw new ProblemException(503, 'WORKFLOW_UNAVAILABLE', '整改流程服务暂不可用，请稍后重试', { title: '服务暂不可用', cause: error });
    }
  }
}
