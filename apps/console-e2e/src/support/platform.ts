import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { AppModule as GatewayModule } from '../../../gateway/src/app/app.module';
import { AppModule as GoalDeclarationModule } from '../../../goal-declaration/src/app/app.module';
import { AppModule as OrchestratorModule } from '../../../orchestrator/src/app/app.module';

const portOf = (app: INestApplication) => (app.getHttpServer().address() as AddressInfo).port;

async function boot(module: Type<unknown>): Promise<INestApplication> {
  const ref = await Test.createTestingModule({ imports: [module] }).compile();
  const app = ref.createNestApplication({ logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  return app;
}

/**
 * What the goal path needs, in this process on the real infrastructure: goal-declaration, the
 * orchestrator (the review workflow) and the gateway, which serves the built console at /console.
 */
export async function startGoalPath(): Promise<{ apps: INestApplication[]; gatewayUrl: string }> {
  const goals = await boot(GoalDeclarationModule);
  process.env['GOAL_DECLARATION_URL'] = `http://127.0.0.1:${portOf(goals)}`;
  const orchestrator = await boot(OrchestratorModule);
  const gateway = await boot(GatewayModule);
  return { apps: [goals, orchestrator, gateway], gatewayUrl: `http://127.0.0.1:${portOf(gateway)}` };
}

export async function stop(apps: INestApplication[]): Promise<void> {
  for (const app of [...apps].reverse()) await app.close();
}
