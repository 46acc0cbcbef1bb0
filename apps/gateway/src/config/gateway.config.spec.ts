import { loadGatewayConfig } from './gateway.config';

describe('gateway configuration', () => {
  it('has working local defaults', () => {
    expect(loadGatewayConfig({})).toEqual({ goalDeclarationUrl: 'http://127.0.0.1:3001', monitoringUrl: 'http://127.0.0.1:3002', upstreamTimeoutMs: 10000, eventStoreSchema: 'event_store' });
  });

  it('reads the environment and trims a trailing slash', () => {
    expect(
      loadGatewayConfig({ GOAL_DECLARATION_URL: 'http://goal-declaration:3001/', MONITORING_URL: 'http://monitoring:3002/', UPSTREAM_TIMEOUT_MS: '2500', EVENT_STORE_SCHEMA: 'es_prod' }),
    ).toEqual({ goalDeclarationUrl: 'http://goal-declaration:3001', monitoringUrl: 'http://monitoring:3002', upstreamTimeoutMs: 2500, eventStoreSchema: 'es_prod' });
  });

  it.each([
    [{ GOAL_DECLARATION_URL: 'not a url' }],
    [{ GOAL_DECLARATION_URL: 'ftp://x' }],
    [{ MONITORING_URL: 'not a url' }],
    [{ UPSTREAM_TIMEOUT_MS: '0' }],
    [{ EVENT_STORE_SCHEMA: 'x; DROP TABLE' }],
  ])('refuses %p at start-up', (env) => {
    expect(() => loadGatewayConfig(env)).toThrow();
  });
});
