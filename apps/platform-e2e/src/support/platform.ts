import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { AppModule as EvaluationModule } from '../../../evaluation/src/app/app.module';
import { AppModule as GatewayModule } from '../../../gateway/src/app/app.module';
import { AppModule as GoalDeclarationModule } from '../../../goal-declaration/src/app/app.module';
import { AppModule as MonitoringModule } from '../../../monitoring/src/app/app.module';
import { AppModule as OrchestratorModule } from '../../../orchestrator/src/app/app.module';
import { AppModule as ResultApplicationModule } from '../../../result-application/src/app/app.module';

export const serviceModules: Record<string, Type<unknown>> = {
  'goal-declaration': GoalDeclarationModule,
  monitoring: MonitoringModule,
  evaluation: EvaluationModule,
  gateway: GatewayModule,
  'result-application': ResultApplicationModule,
  orchestrator: OrchestratorModule,
};

/** The services others call, and the variable that tells them where. */
const urlVariables: Record<string, string> = { 'goal-declaration': 'GOAL_DECLARATION_URL', monitoring: 'MONITORING_URL', evaluation: 'EVALUATION_URL' };

async function boot(module: Type<unknown>): Promise<INestApplication> {
  const ref = await Test.createTestingModule({ imports: [module] }).compile();
  const app = ref.createNestApplication({ logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  return app;
}

/**
 * The six services in this process, on the real infrastructure, each on its own port.
 * goal-declaration, monitoring and evaluation start first: the gateway and the orchestrator's activities call their URLs.
 */
export async function startPlatform(): Promise<Record<string, INestApplication>> {
  const running: Record<string, INestApplication> = {};
  for (const [name, module] of Object.entries(serviceModules)) {
    running[name] = await boot(module);
    const urlVariable = urlVariables[name];
    if (urlVariable) {
      const { port } = running[name].getHttpServer().address() as AddressInfo;
      process.env[urlVariable] = `http://127.0.0.1:${port}`;
    }
  }
  return running;
}

export async function stopPlatform(running: Record<string, INestApplication>) {
  for (const app of Object.values(running).reverse()) await app.close();
}

/** Retries until `probe` passes; the last failure explains a timeout. */
export async function eventually<T>(probe: () => Promise<T>, timeoutMs = 30_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      return await probe();
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
  throw last;
}
