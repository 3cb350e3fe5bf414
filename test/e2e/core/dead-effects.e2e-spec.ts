import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/effects-relay.js';
import { carryEffects, owedEffects, type OwedEffect } from '../../../src/core/events/owed-effect.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, userWithRole } from '../../support/auth.js';

@Schema({ collection: 'deadletterprobes' })
class Probe {
  _id: Types.ObjectId;
  @Prop() label: string;
  effects?: OwedEffect[];
}
const ProbeSchema = SchemaFactory.createForClass(Probe);
carryEffects(ProbeSchema);

describe('owed effects that give up', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('are shown as alerts on the effects relay job in GET /api/admin/jobs, and nowhere for non-admins', async () => {
    const relay = t.app.get(EffectsRelay);
    const probes = t.connection.model<Probe>(Probe.name, ProbeSchema);
    relay.carry(probes);
    relay.handle('probe.always-fails', async () => {
      throw new Error('the far side is down');
    });
    const saved = relay.options;
    relay.options = { ...saved, maxAttempts: 2, retryBaseMs: 1 };
    try {
      const probe = await probes.create({
        label: 'x',
        effects: owedEffects([{ key: 'probe:1', name: 'probe.always-fails', payload: {} }]),
      });
      await relay.deliver(probes, probe.toObject());
      await new Promise((resolve) => setTimeout(resolve, 20));
      await relay.sweep();
    } finally {
      relay.options = saved;
    }
    const admin = await userWithRole(t, 'admin');
    const response = await t.http().get('/api/admin/jobs').set(bearer(admin));
    expect(response.status).toBe(200);
    const row = response.body.find((job: { name: string }) => job.name === 'effects.relay');
    expect(row.alerts).toEqual([
      expect.objectContaining({
        collection: 'deadletterprobes',
        key: 'probe:1',
        name: 'probe.always-fails',
        attempts: 2,
        lastError: 'the far side is down',
      }),
    ]);
    const staff = await userWithRole(t, 'staff');
    expect((await t.http().get('/api/admin/jobs').set(bearer(staff))).status).toBe(403);
  });
});
