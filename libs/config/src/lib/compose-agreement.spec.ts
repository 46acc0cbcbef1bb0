import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { infraPortDefaults } from './infra-defaults';
import { servicePorts } from './service-config';
import { rolesSql } from './db-roles-sql';

/**
 * docker-compose.yml cannot run on our machines, so this keeps it honest: the same host
 * ports, port variables and defaults as the native launcher, the same variable names and
 * ports in the services.
 */
const compose = parse(readFileSync(join(__dirname, '../../../../docker-compose.yml'), 'utf8'), { merge: true });

function publishedHostPort(service: string): string {
  const ports: string[] = compose.services[service].ports;
  const host = /^(127\.0\.0\.1:(?:\$\{[^}]+\}|\d+)):/.exec(ports[0]);
  return host ? host[1] : ports[0];
}

describe('docker-compose.yml agrees with the native launcher', () => {
  it.each([
    ['postgres', 'BPM_PG_PORT'],
    ['kafka', 'BPM_KAFKA_PORT'],
    ['temporal', 'BPM_TEMPORAL_PORT'],
    ['temporal-ui', 'BPM_TEMPORAL_UI_PORT'],
  ] as const)('%s is published on ${%s} with the launcher default', (service, variable) => {
    expect(publishedHostPort(service)).toBe(`127.0.0.1:\${${variable}:-${infraPortDefaults[variable]}}`);
  });

  it('the Kafka controller port follows the same variable and default', () => {
    const voters: string = compose.services.kafka.environment.KAFKA_CONTROLLER_QUORUM_VOTERS;
    expect(voters).toContain(`\${BPM_KAFKA_CONTROLLER_PORT:-${infraPortDefaults.BPM_KAFKA_CONTROLLER_PORT}}`);
  });

  it.each(Object.entries(servicePorts))('%s runs on port %d with the variables every service reads', (name, port) => {
    const service = compose.services[name];
    expect(service.environment.PORT).toBe(port);
    expect(service.ports).toEqual([`127.0.0.1:${port}:${port}`]);
    for (const variable of ['DATABASE_URL', 'DATABASE_OWNER_URL', 'READ_MODEL_DATABASE_URL', 'KAFKA_BROKERS', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE']) {
      expect(service.environment[variable]).toEqual(expect.any(String));
    }
    // Never the superuser: each URL logs in as its least-privileged role.
    expect(service.environment.DATABASE_URL).toMatch(/^postgres:\/\/bpm_app:/);
    expect(service.environment.DATABASE_OWNER_URL).toMatch(/^postgres:\/\/bpm_owner:/);
    expect(service.environment.READ_MODEL_DATABASE_URL).toMatch(/^postgres:\/\/bpm_read:/);
    expect(service.build.args.APP).toBe(name);
  });

  it('creates the database roles with the same SQL as the native launcher', () => {
    const mounts: string[] = compose.services.postgres.volumes;
    expect(mounts).toContain('./deploy/docker/initdb:/docker-entrypoint-initdb.d:ro');
    const script = readFileSync(join(__dirname, '../../../../deploy/docker/initdb/10-roles.sql'), 'utf8');
    expect(script).toContain(rolesSql('bpm'));
  });

  it('offers EventStoreDB as an optional profile', () => {
    expect(compose.services.eventstore.profiles).toEqual(['eventstore']);
  });
});
