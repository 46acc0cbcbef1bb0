import { backoffDelay, defaultRetryPolicy } from './backoff';
import { dlqTopicFor, topicFor, topicRouter } from './topics';

describe('topics', () => {
  it('names one topic per bounded context and its dead-letter topic', () => {
    expect(topicFor('monitoring')).toBe('bpm.monitoring.events.v1');
    expect(dlqTopicFor(topicFor('monitoring'))).toBe('bpm.monitoring.events.v1.dlq');
    expect(() => topicFor('Bad Name')).toThrow();
  });

  it('routes a stream to its context topic by category, and refuses unrouted categories', () => {
    const route = topicRouter({ goal: 'goal-declaration', indicator: 'goal-declaration', deviation: 'monitoring' });
    expect(route('goal-7f3a-11')).toBe('bpm.goal-declaration.events.v1');
    expect(route('deviation-1')).toBe('bpm.monitoring.events.v1');
    expect(() => route('evaluation-1')).toThrow(/evaluation/);
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap', () => {
    const policy = { ...defaultRetryPolicy, initialDelayMs: 100, factor: 2, maxDelayMs: 1000 };
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(policy, a, mid))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});
