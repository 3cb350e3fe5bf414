import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AUDIT_SINK } from '../../core/auth/audit-sink.js';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { AuditConfig } from './audit.config.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditLogsController } from './audit-logs.controller.js';
import { AuditMetrics } from './audit-metrics.js';
import { AUDIT_PERMISSIONS } from './audit.permissions.js';
import { AuditRetention } from './audit-retention.service.js';
import { AuditRetentionIndex } from './audit-retention-index.js';
import { AuditTrail, auditSinkOf } from './audit-trail.js';
import { AuditJobs } from './jobs/audit-jobs.js';
import { AuditLog, AuditLogSchema } from './schemas/audit-log.schema.js';

/**
 * The append-only audit log of privileged actions. Global: every context records into the one trail
 * without importing the module, and core's own admin routes reach it through the AUDIT_SINK port.
 */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: AuditLog.name, schema: AuditLogSchema }])],
  controllers: [AuditLogsController],
  providers: [
    configSectionProvider(AuditConfig),
    AuditMetrics,
    AuditTrail,
    { provide: AUDIT_SINK, useFactory: auditSinkOf, inject: [AuditTrail] },
    AuditLogService,
    AuditRetention,
    AuditRetentionIndex,
    AuditJobs,
  ],
  exports: [AuditTrail, AUDIT_SINK],
})
export class AuditModule implements OnModuleInit {
  constructor(private readonly policy: PermissionPolicy) {}

  onModuleInit(): void {
    this.policy.register(AUDIT_PERMISSIONS);
  }
}
