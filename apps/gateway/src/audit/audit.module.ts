import { Module } from '@nestjs/common';
import { AuditExportController } from './audit-export.controller';
import { AuditController } from './audit.controller';
import { auditEventStoreProvider } from './audit-store';
import { AuditService } from './audit.service';

@Module({
  controllers: [AuditController, AuditExportController],
  providers: [auditEventStoreProvider, AuditService],
})
export class AuditModule {}
