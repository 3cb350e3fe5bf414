import type { INestApplicationContext } from '@nestjs/common';
import { trusted, Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../../src/core/auth/request-context.js';
import { AuditMetrics } from '../../../src/modules/audit/audit-metrics.js';
import { AuditRetention } from '../../../src/modules/audit/audit-retention.service.js';
import { AuditTrail, type AuditAction } from '../../../src/modules/audit/index.js';
import { RETENTION_PURGE } from '../../../src/modules/audit/schemas/append-only.js';
import { RETENTION_INDEX_NAME } from '../../../src/modules/audit/audit-retention-index.js';
import { auditInput, auditModel, backdatedEntry, entriesAbout, recordedEntry } from '../../support/factories/audit.js';
import { account, contextOf } from '../../support/factories/identity.js';
import { startMediumApp } from '../../support/medium-app.js';

/** The log refuses every change at the model, and only the retention purge removes entries. */
describe('append-only audit log', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let entryId: Types.ObjectId;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
    const admin = await account(app, 'admin');
    const input = await recordedEntry(app, admin);
    [{ _id: entryId }] = await entriesAbout(app, input.targetId);
  });
  afterAll(() => close?.());

  const refused = /append-only audit log is refused/;

  it('refuses updates through every query', async () => {
    const model = auditModel(app);
    const filter = { _id: entryId };
    await expect(model.updateOne(filter, { $set: { action: 'plan.created' } })).rejects.toThrow(refused);
    await expect(model.updateMany({}, { $set: { targetId: 'x' } })).rejects.toThrow(refused);
    await expect(model.findOneAndUpdate(filter, { $set: { targetId: 'x' } })).rejects.toThrow(refused);
    await expect(model.findByIdAndUpdate(entryId, { $set: { targetId: 'x' } })).rejects.toThrow(refused);
    await expect(model.replaceOne(filter, { targetId: 'x' })).rejects.toThrow(refused);
    await expect(model.findOneAndReplace(filter, { targetId: 'x' })).rejects.toThrow(refused);
  });

  it('refuses deletes through queries, documents and bulk writes, even with the purge option but no age bound', async () => {
    const model = auditModel(app);
    await expect(model.deleteOne({ _id: entryId })).rejects.toThrow(refused);
    await expect(model.deleteMany({})).rejects.toThrow(refused);
    await expect(model.findOneAndDelete({ _id: entryId })).rejects.toThrow(refused);
    await expect(model.findByIdAndDelete(entryId)).rejects.toThrow(refused);
    await expect(model.deleteMany({}).setOptions(RETENTION_PURGE)).rejects.toThrow(refused);
    await expect(model.bulkWrite([{ updateOne: { filter: { _id: entryId }, update: { $set: { targetId: 'x' } } } }])).rejects.toThrow(
      refused,
    );
    await expect(model.bulkWrite([{ deleteOne: { filter: { _id: entryId } } }])).rejects.toThrow(refused);
  });

  it('refuses saving or deleting a loaded entry', async () => {
    const document = await auditModel(app).findById(entryId);
    document!.targetId = 'changed';
    await expect(document!.save()).rejects.toThrow(refused);
    await expect(document!.deleteOne()).rejects.toThrow(refused);
  });

  it('still holds the entry unchanged after every refused attempt', async () => {
    const stored = await auditModel(app).findById(entryId).lean();
    expect(stored).toMatchObject({ action: 'tenant.updated', targetType: 'tenant' });
    expect(stored!.targetId).not.toBe('x');
    expect(stored!.targetId).not.toBe('changed');
  });

  it('purges only the entries older than the retention', async () => {
    const marker = `purge-${new Types.ObjectId().toString()}`;
    const old = await Promise.all([400, 366, 1000].map((days) => backdatedEntry(app, days, { targetType: marker })));
    const kept = await Promise.all([364, 30, 0].map((days) => backdatedEntry(app, days, { targetType: marker })));
    const removed = await app.get(AuditRetention).purge(systemContext('test-purge'));
    expect(removed).toBeGreaterThanOrEqual(old.length);
    const left = (await auditModel(app).find({ targetType: marker }, { _id: 1 }).lean()).map((entry) => entry._id.toString());
    expect(left.sort()).toEqual(kept.map(String).sort());
    expect(await auditModel(app).exists({ _id: entryId })).not.toBeNull();
  });

  it('lets the purge delete only with its option and an age bound; no caller may purge', async () => {
    const id = await backdatedEntry(app, 500);
    const result = await auditModel(app)
      .deleteMany({ _id: id, createdAt: trusted({ $lt: new Date() }) })
      .setOptions(RETENTION_PURGE);
    expect(result.deletedCount).toBe(1);
    const admin = await account(app, 'admin');
    await expect(app.get(AuditRetention).purge(contextOf(admin))).rejects.toThrow(/audit\.purge/);
  });

  it('does not fail the caller when an entry cannot be written: it counts the failure instead', async () => {
    const metrics = app.get(AuditMetrics);
    const action = 'no-such.action' as AuditAction;
    const before = await metrics.failuresOf(action);
    const input = auditInput({ action });
    await expect(app.get(AuditTrail).record(systemContext('test'), input)).resolves.toBeUndefined();
    expect(await metrics.failuresOf(action)).toBe(before + 1);
    expect(await entriesAbout(app, input.targetId)).toHaveLength(0);
  });

  it('records the system as the actor of work no one asked for', async () => {
    const input = await recordedEntry(app, 'system');
    const [entry] = await entriesAbout(app, input.targetId);
    expect(entry).toMatchObject({ actorRole: 'system', changedFields: ['name'], before: { name: 'Before' }, after: { name: 'After' } });
    expect(entry.actorId).toBeUndefined();
  });
});

describe('retention index', () => {
  it('keeps a TTL index on the entry time at AUDIT_RETENTION_DAYS', async () => {
    const { app, close } = await startMediumApp();
    try {
      const indexes = await auditModel(app).collection.indexes();
      const ttl = indexes.find((index) => index.name === RETENTION_INDEX_NAME);
      expect(ttl).toMatchObject({ key: { createdAt: 1 }, expireAfterSeconds: 365 * 86_400 });
    } finally {
      await close();
    }
  });
});
