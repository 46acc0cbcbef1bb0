import { Module } from '@nestjs/common';
import { HttpPlatformModule } from '@bpm/http';
import { ServiceRuntimeModule } from '@bpm/service';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth';
import { EvaluationModule } from '../evaluation';
import { CyclesModule } from '../cycles/cycles.module';
import { GoalDeclarationModule } from '../goal-declaration';
import { ResultApplicationModule } from '../result-application/result-application.module';
import { MonitoringModule } from '../monitoring';
import { TasksModule } from '../tasks/tasks.module';
import { ForwardingModule } from './forwarding.module';

/**
 * The public API: problem+json and validation (HttpPlatformModule), bearer tokens and roles
 * (AuthModule, global guards), the road to goal-declaration and monitoring, the inbox, the audit reads,
 * and the annual cycle.
 */
@Module({
  imports: [
    ServiceRuntimeModule.forRoot({ service: 'gateway', dependencies: ['postgres', 'kafka', 'temporal'], authentication: 'user-token' }),
    HttpPlatformModule,
    AuthModule,
    GoalDeclarationModule,
    ForwardingModule,
    MonitoringModule,
    EvaluationModule,
    TasksModule,
    AuditModule,
    ResultApplicationModule,
    CyclesModule,
  ],
})
export class AppModule {}
