import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { infraPort } from '../../libs/config/src/lib/infra-defaults';
import { log, mavenLib } from './build-tools';
import { ensureDir, localPath, repoRoot } from './paths';
import { portOpen, runLogged, runningPid, startDetached, waitFor } from './processes';

const clusterId = 'YnBtLWxvY2FsLWthZmthMQ'; // any 22-char base64 id; fixed so the data survives restarts

function serverProperties(port: number, controllerPort: number, dataDir: string): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${dataDir}`,
    'num.partitions=1',
    // One node: internal topics cannot have more replicas, and consumer groups must not wait.
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=1',
    'group.initial.rebalance.delay.ms=0',
    // Topics are created by the service that owns them, with explicit partition counts.
    'auto.create.topics.enable=false',
    '',
  ].join('\n');
}

export const kafka = {
  name: 'kafka',
  port: () => infraPort('BPM_KAFKA_PORT'),
  async up() {
    const lib = await mavenLib('kafka', 'deploy/local/kafka');
    if (!runningPid('kafka')) {
      if (await portOpen(this.port())) {
        throw new Error(`port ${this.port()} is taken by another program; set BPM_KAFKA_PORT to a free port`);
      }
      const dir = ensureDir(localPath('kafka'));
      const dataDir = join(dir, 'data');
      const props = join(dir, 'server.properties');
      const wanted = serverProperties(this.port(), infraPort('BPM_KAFKA_CONTROLLER_PORT'), dataDir);
      const changed = !existsSync(props) || readFileSync(props, 'utf8') !== wanted;
      writeFileSync(props, wanted);
      const log4j = `-Dlog4j2.configurationFile=${join(repoRoot, 'deploy/local/kafka/log4j2.properties')}`;
      if (changed || !existsSync(join(dataDir, 'meta.properties'))) {
        await runLogged('kafka', 'kafka', 'java', ['-cp', `${lib}/*`, log4j, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', props, '--ignore-formatted']);
      }
      startDetached('kafka', 'java', ['-Xms256m', '-Xmx768m', '-cp', `${lib}/*`, log4j, 'kafka.Kafka', props]);
    }
    await waitFor('Kafka', () => this.check(), 90_000, 'kafka');
    log(`kafka ready on 127.0.0.1:${this.port()}`);
  },
  /** Ready means a real produce, consume and consumer-group commit round trip works. */
  async check() {
    const client = new Kafka({
      clientId: 'infra-check',
      brokers: [`127.0.0.1:${this.port()}`],
      logLevel: logLevel.NOTHING,
      retry: { retries: 2 },
    });
    const admin = client.admin();
    await admin.connect();
    const topic = 'bpm.infra.healthcheck';
    try {
      if (!(await admin.listTopics()).includes(topic)) {
        await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      }
      const token = `ping-${Date.now()}-${Math.random()}`;
      const producer = client.producer();
      await producer.connect();
      await producer.send({ topic, acks: -1, messages: [{ key: 'ping', value: token }] });
      await producer.disconnect();
      const consumer = client.consumer({ groupId: 'bpm-infra-check', sessionTimeout: 10_000 });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no message came back')), 20_000);
        void consumer.run({
          autoCommit: false,
          eachMessage: async ({ message, partition }) => {
            if (message.value?.toString() !== token) return;
            await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
            clearTimeout(timer);
            resolve();
          },
        });
      }).finally(() => consumer.disconnect());
    } finally {
      await admin.disconnect();
    }
  },
};
