import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from '@temporalio/client';
import request from 'supertest';
import { TEMPORAL_CONNECTION, type LazyTemporalConnection } from '@bpm/service';
import { ORCHESTRATOR_TASK_QUEUE } from '@bpm/workflows';
import { AppModule as EvaluationModule } from '../../evaluation/src/app/app.module';
import { AppModule as GatewayModule } from '../../gateway/src/app/app.module';
import { AppModule as GoalDeclarationModule } from '../../goal-declaration/src/app/app.module';
import { AppModule as MonitoringModule } from '../../monitoring/src/app/app.module';
import { AppModule as OrchestratorModule } from '../../orchestrator/src/app/app.module';
import { AppModule as ResultApplicationModule } from '../../result-application/src/app/app.module';

const apps: Record<string, Type<unknown>> = {
  gateway: GatewayModule,
  'goal-declaration': GoalDeclarationModule,
  monitoring: MonitoringModule,
  evaluation: EvaluationModule,
  'result-application': ResultApplicationModule,
  orchestrator: OrchestratorModule,
};

async function boot(module: Type<unknown>): Promise<INestApplication> {
  const ref = await Test.createTestingModule({ imports: [module] }).compile();
  const app = ref.createNestApplication({ logger: false });
  app.enableShutdownHooks();
  await app.init();
  return app;
}

describe('the platform wiring, on the real infrastructure', () => {
  const running: Record<string, INestApplication> = {};

  beforeAll(async () => {
    for (const [name, module] of Object.entries(apps)) running[name] = await boot(module);
  });
  afterAll(async () => {
    for (const app of Object.values(running)) await app.close();
  });

  it.each(Object.keys(apps))('%s boots and reports ready with its real dependencies up', async (name) => {
    const res = await request(running[name].getHttpServer()).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    const checked = Object.keys(res.body.details);
    expect(checked).toContain('postgres');
    for (const dependency of checked) expect(res.body.details[dependency].status).toBe('up');
  });

  it('runs a workflow on the Temporal server through the orchestrator worker', async () => {
    const connection = await running['gateway'].get<LazyTemporalConnection>(TEMPORAL_CONNECTION).get();
    const client = new Client({ connection });
    const result = await client.workflow.execute('wiringCheck', {
      taskQueue: ORCHESTRATOR_TASK_QUEUE,
      workflowId: `wiring-check-${Date.now()}`,
      args: ['smoke-test'],
    });
    expect(result).toBe('orchestrator answered smoke-test');
  });
});
