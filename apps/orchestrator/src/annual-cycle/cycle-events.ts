import { ApplicationFailure } from '@temporalio/activity';
import { ConcurrencyError, type EventStore } from '@bpm/event-store';

export type CycleEventStore = Pick<EventStore, 'appendToStream' | 'readStream'>;
import { annualCycleStream, type RecordCycleEventInput, type RecordCycleEventResult } from '@bpm/workflows';

export const CYCLE_EVENT_SOURCE = 'orchestrator';

/**
 * Appends one phase event to `annualCycle-<region>-<year>`. The orchestrator owns this stream:
 * no service owns the cycle; its workflow does, and the orchestrator is its only writer.
 * The workflow names the version it expects and the event's id, so a retry after a lost
 * answer finds its own event in place and succeeds instead of writing it twice.
 */
export async function recordCycleEvent(store: CycleEventStore, input: RecordCycleEventInput): Promise<RecordCycleEventResult> {
  const stream = annualCycleStream(input.region, input.fiscalYear);
  try {
    const result = await store.appendToStream(stream, [{ id: input.eventId, type: input.type, data: input.data }], {
      expectedVersion: input.expectedVersion === 0 ? 'no-stream' : input.expectedVersion,
      metadata: { actor: input.actor, correlationId: input.correlationId },
      source: CYCLE_EVENT_SOURCE,
    });
    return { version: result.nextExpectedVersion };
  } catch (err) {
    if (!(err instanceof ConcurrencyError)) throw err;
    const version = input.expectedVersion + 1;
    const [there] = await store.readStream(stream, { from: version, to: version });
    if (there?.id === input.eventId) return { version };
    // Another writer on the cycle's stream: a person must look. Retried (with backoff, visible in
    // the Temporal UI) rather than failed, so the year waits instead of ending.
    throw ApplicationFailure.retryable(`年度工作事件流${stream}第${version}条已被其他写入占用`, 'CYCLE_STREAM_CONFLICT');
  }
}
