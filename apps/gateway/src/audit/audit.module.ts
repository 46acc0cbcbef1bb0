import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { auditEventStoreProvider } from './audit-store';
import { AuditService } from './audit.service';

@Module({
  controllers: [AuditController],
  providers: [auditEventStoreProvider, AuditService],
})
export class AuditModule {}
