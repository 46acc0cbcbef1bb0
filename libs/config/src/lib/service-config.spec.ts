import { ConfigError } from './env-schema';
import { loadServiceConfig } from './service-config';

describe('service configuration', () => {
  it('works with no variables at all, pointing at the local infrastructure', () => {
    const config = loadServiceConfig('monitoring', {});
    expect(config.PORT).toBe(3002);
    // Least privilege: the services append as bpm_app; migrations and read models have their own logins.
    expect(config.DATABASE_URL).toBe('postgres://bpm_app:bpm_app@127.0.0.1:54329/bpm');
    expect(config.DATABASE_OWNER_URL).toBe('postgres://bpm_owner:bpm_owner@127.0.0.1:54329/bpm');
    expect(config.READ_MODEL_DATABASE_URL).toBe('postgres://bpm_read:bpm_read@127.0.0.1:54329/bpm');
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:19092']);
    expect(config.TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
  });

  it('listens on loopback unless HOST says otherwise (a container sets HOST=0.0.0.0 behind its own network)', () => {
    expect(loadServiceConfig('goal-declaration', {}).HOST).toBe('127.0.0.1');
    expect(loadServiceConfig('goal-declaration', { HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('follows the launcher port variables', () => {
    const config = loadServiceConfig('gateway', { BPM_PG_PORT: '6000', BPM_KAFKA_PORT: '6001' });
    expect(config.DATABASE_URL).toContain(':6000/');
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:6001']);
  });

  it('stops on wrong values and names every one of them', () => {
    let error: unknown;
    try {
      loadServiceConfig('gateway', { PORT: 'eighty', LOG_LEVEL: 'chatty', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/PORT must be a port number/);
    expect(problems[1]).toMatch(/LOG_LEVEL must be one of debug, info, warn, error/);
    expect(problems[2]).toMatch(/DATABASE_URL must use postgres: or postgresql:/);
  });
});
