import { Logger } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import type { InternalTokenIssuer } from '@bpm/auth';
import type { AnnualCycleActivities, StageInput, StageOutcome } from '@bpm/workflows';

type StageActivities = Omit<AnnualCycleActivities, 'recordCycleEvent'>;

export type CycleStagesConfig = Readonly<{
  goalDeclarationUrl: string;
  timeoutMs: number;
  /** True only where a worker registers monitoring's `MonthlyCycleActivities` (none on main yet). */
  monitoringCycleAvailable: boolean;
}>;

const logger = new Logger('AnnualCycleStages');

/**
 * A stage not built yet: logged, and answered as `not-available` so the cycle records it as a
 * phase event and runs on by its calendar. Replace one seam at a time as the stage lands.
 */
const seam =
  (name: string, owner: string) =>
  async (input: StageInput): Promise<StageOutcome> => {
    const reason = `${name}尚未接入：${owner}未提供内部接口，本阶段按日程推进`;
    logger.warn(`seam ${name} for ${input.region} ${input.fiscalYear} (${input.phase}): not available yet`);
    return { kind: 'not-available', reason };
  };

/**
 * The stages the cycle starts. Where a service's internal API exists on main it is called;
 * the rest are seams (see `seam`). Evaluation (branch eval-service) and result application
 * (branch result-app) plug in here.
 */
export function createCycleStages(config: CycleStagesConfig, tokens: InternalTokenIssuer): StageActivities {
  return {
    openDeclarationWindow: seam('开放绩效目标申报', '绩效目标服务'),
    async issueBudgetWithApprovedGoals(input) {
      // The budget itself is issued on the budget platform (预算管理一体化平台); what this
      // platform owns is "no goals, no money": how many projects go with approved goals.
      const url = `${config.goalDeclarationUrl}/internal/coverage?fiscalYear=${encodeURIComponent(String(input.fiscalYear))}`;
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { accept: 'application/json', authorization: `Bearer ${await tokens.sign({ id: 'orchestrator', role: 'system' }, 'goal-declaration')}`, 'x-correlation-id': input.correlationId },
          signal: AbortSignal.timeout(config.timeoutMs),
        });
      } catch (err) {
        throw ApplicationFailure.retryable(`绩效目标服务暂时无法访问（${(err as Error)?.message ?? String(err)}）`, 'GOAL_DECLARATION_UNAVAILABLE');
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw ApplicationFailure.retryable(`绩效目标服务暂时不可用（HTTP ${response.status}）`, 'GOAL_DECLARATION_UNAVAILABLE');
      }
      const body = (await response.json().catch(() => undefined)) as { total?: { projects?: unknown; approved?: unknown } } | undefined;
      const { projects, approved } = body?.total ?? {};
      if (typeof projects !== 'number' || typeof approved !== 'number') {
        throw ApplicationFailure.nonRetryable('绩效目标服务的覆盖率应答无法识别', 'GOAL_DECLARATION_BAD_RESPONSE');
      }
      return {
        kind: 'started',
        awaitsCompletion: false,
        reference: `coverage-${input.fiscalYear}`,
        summary: `预算随已批复绩效目标下达：${approved}/${projects}个项目目标已批复，其余${projects - approved}个项目无目标不予拨款`,
      };
    },
    async startMonitoringCycle(input) {
      if (config.monitoringCycleAvailable) return { kind: 'started', awaitsCompletion: false, summary: '每月绩效运行监控已启动' };
      return seam('每月绩效运行监控', '监控服务（每月监控活动）')(input);
    },
    openSelfEvaluations: seam('单位自评', '评价服务'),
    startKeyEvaluations: seam('重点评价', '评价服务'),
    issueResultNotices: seam('评价结果通知与整改', '结果应用服务'),
    publishDisclosures: seam('信息公开', '公开服务'),
    proposeNextYearBudget: seam('下年度预算安排建议', '结果应用服务'),
  };
}
