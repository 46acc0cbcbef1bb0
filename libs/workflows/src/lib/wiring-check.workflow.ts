import { proxyActivities } from '@temporalio/workflow';
import type { WiringActivities } from './activities';

const { describeService } = proxyActivities<WiringActivities>({ startToCloseTimeout: '10 seconds' });

/** The smallest real workflow: one activity round trip, proving worker and server are wired. */
export async function wiringCheck(caller: string): Promise<string> {
  const service = await describeService();
  return `${service} answered ${caller}`;
}
