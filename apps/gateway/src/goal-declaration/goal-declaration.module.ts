import { Global, Module } from '@nestjs/common';
import { GATEWAY_CONFIG, loadGatewayConfig } from '../config/gateway.config';
import { GoalAccess } from './goal-access';
import { GoalDeclarationClient } from './goal-declaration.client';
import { UpstreamProblemFilter } from './upstream-problem';

/** The gateway's road to goal-declaration, shared by every resource that forwards there. */
@Global()
@Module({
  providers: [
    { provide: GATEWAY_CONFIG, useFactory: () => loadGatewayConfig(process.env) },
    GoalDeclarationClient,
    GoalAccess,
    UpstreamProblemFilter,
  ],
  exports: [GATEWAY_CONFIG, GoalDeclarationClient, GoalAccess, UpstreamProblemFilter],
})
export class GoalDeclarationModule {}
