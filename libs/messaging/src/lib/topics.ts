import type { Admin } from 'kafkajs';
import { categoryOf } from '@bpm/contracts';

/** The topic a bounded context publishes its events to: `bpm.<context>.events.v1`. */
export function topicFor(boundedContext: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(boundedContext)) {
    throw new Error(`invalid bounded context name: ${JSON.stringify(boundedContext)}`);
  }
  return `bpm.${boundedContext}.events.v1`;
}

/** The dead-letter topic paired with a topic: `<topic>.dlq`. */
export function dlqTopicFor(topic: string): string {
  return `${topic}.dlq`;
}

/** Which bounded context owns each stream category, e.g. `{ goal: 'goal-declaration' }`. */
export type CategoryRouting = Readonly<Record<string, string>>;

/** Resolves a stream (or its category) to its topic; throws for an unrouted category. */
export function topicRouter(routing: CategoryRouting): (stream: string) => string {
  const topics = new Map(Object.entries(routing).map(([category, ctx]) => [category, topicFor(ctx)]));
  return (stream) => {
    const category = categoryOf(stream);
    const topic = topics.get(category);
    if (!topic) throw new Error(`no topic routed for category "${category}" (stream ${stream})`);
    return topic;
  };
}

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  replicationFactor?: number;
  configEntries?: { name: string; value: string }[];
}

/**
 * Creates the missing topics (the broker does not auto-create them). Existing topics are left
 * alone, but one with fewer partitions than asked for is an error: resizing changes key placement.
 */
export async function ensureTopics(admin: Admin, specs: TopicSpec[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((s) => !existing.has(s.topic));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((s) => ({
        topic: s.topic,
        numPartitions: s.numPartitions,
        replicationFactor: s.replicationFactor,
        configEntries: s.configEntries,
      })),
    });
  }
  const present = specs.filter((s) => existing.has(s.topic));
  if (present.length > 0) {
    const meta = await admin.fetchTopicMetadata({ topics: present.map((s) => s.topic) });
    for (const t of meta.topics) {
      const want = present.find((s) => s.topic === t.name)?.numPartitions ?? 0;
      if (t.partitions.length < want) {
        throw new Error(`topic ${t.name} has ${t.partitions.length} partitions, expected ${want}`);
      }
    }
  }
  return missing.map((s) => s.topic);
}
