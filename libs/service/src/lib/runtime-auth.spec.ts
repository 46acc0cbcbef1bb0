import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { InternalTokenIssuer } from '@bpm/auth';
import { loadServiceConfig } from '@bpm/config';
import { ServiceRuntimeModule } from './runtime.module';

@Controller('internal/things')
class ThingsController {
  @Get()
  list() {
    return { items: [] };
  }
}

/** A new service behind the gateway, as monitoring, evaluation and result-application start. */
@Module({
  imports: [ServiceRuntimeModule.forRoot({ service: 'monitoring', dependencies: [], config: loadServiceConfig('monitoring', {}) })],
  controllers: [ThingsController],
})
class NewServiceModule {}

describe('a service is born with the internal-token guard', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = (await Test.createTestingModule({ imports: [NewServiceModule] }).compile()).createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses a call without a token, or with forged actor headers', async () => {
    expect((await request(app.getHttpServer()).get('/internal/things')).status).toBe(401);
    expect((await request(app.getHttpServer()).get('/internal/things').set({ 'x-actor-id': 'a', 'x-actor-role': 'finance-admin' })).status).toBe(401);
  });

  it('accepts a token the gateway signed for it, not one for another service', async () => {
    const gateway = InternalTokenIssuer.fromEnv('gateway');
    const mine = await gateway.sign({ id: 'a', role: 'auditor' }, 'monitoring');
    const theirs = await gateway.sign({ id: 'a', role: 'auditor' }, 'evaluation');
    expect((await request(app.getHttpServer()).get('/internal/things').set('Authorization', `Bearer ${mine}`)).status).toBe(200);
    expect((await request(app.getHttpServer()).get('/internal/things').set('Authorization', `Bearer ${theirs}`)).status).toBe(401);
  });

  it('keeps health open', async () => {
    expect((await request(app.getHttpServer()).get('/health/live')).status).toBe(200);
  });

  it('makes the gateway say that it checks user tokens itself', () => {
    expect(() => ServiceRuntimeModule.forRoot({ service: 'gateway', dependencies: [] })).toThrow(/user-token/);
  });
});
