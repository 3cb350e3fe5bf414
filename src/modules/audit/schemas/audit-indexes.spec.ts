import { describe, expect, it } from 'vitest';
import { AuditLogSchema } from './audit-log.schema.js';

describe('auditlogs indexes', () => {
  const keys = AuditLogSchema.indexes().map(([key]) => key);

  it('serve every filter of the log, newest first with the id as tie-break', () => {
    expect(keys).toEqual(
      expect.arrayContaining([
        { createdAt: -1, _id: -1 },
        { actorId: 1, createdAt: -1, _id: -1 },
        { action: 1, createdAt: -1, _id: -1 },
        { targetType: 1, targetId: 1, createdAt: -1, _id: -1 },
        { targetId: 1, createdAt: -1, _id: -1 },
        { tenantId: 1, createdAt: -1, _id: -1 },
        { tenantId: 1, action: 1, createdAt: -1, _id: -1 },
      ]),
    );
  });

  it('declare no TTL index: the retention index is kept in step with the configuration at boot', () => {
    expect(AuditLogSchema.indexes().some(([, options]) => options.expireAfterSeconds !== undefined)).toBe(false);
  });
});
