import { NotFoundException } from '@nestjs/common';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import mongoose, { Types, type Model } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lease, Leases, LeaseSchema } from '../../../src/core/database/leases.js';
import { TenantCaps } from '../../../src/core/database/tenant-caps.js';
import { scoped, tenantScopedPlugin, UnscopedTenantQueryError, type TenantScoped } from '../../../src/core/database/tenant-scoped.js';
import { defineLifecycle } from '../../../src/core/lifecycle/lifecycle.js';
import { transition } from '../../../src/core/lifecycle/transition.js';

type RoomState = 'free' | 'booked';
const room = defineLifecycle<RoomState>({
  resource: 'room',
  states: ['free', 'booked'],
  initial: 'free',
  moves: [
    { from: 'free', to: 'booked', by: ['owner', 'system'] },
    { from: 'booked', to: 'free', by: ['owner', 'system'] },
  ],
});

@Schema({ collection: 'rooms' })
class Room {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) tenantId: Types.ObjectId;
  @Prop({ type: String, required: true }) status: RoomState;
  @Prop({ type: [Object], default: [] }) audit: unknown[];
}
const RoomSchema = SchemaFactory.createForClass(Room);
RoomSchema.plugin(tenantScopedPlugin);

class CapReached extends Error {}

describe('tenant-scoped collections', () => {
  let connection: mongoose.Connection;
  let model: Model<Room>;
  let rooms: TenantScoped<Room>;
  let caps: TenantCaps;

  beforeAll(async () => {
    connection = await mongoose.createConnection(process.env.MONGODB_URI!).asPromise();
    model = connection.model<Room>(Room.name, RoomSchema);
    rooms = scoped(model);
    caps = new TenantCaps(new Leases(connection.model<Lease>(Lease.name, LeaseSchema)));
  });
  afterAll(async () => {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  });

  const origin = { trigger: 'system' as const, source: 'job' };

  it('a status move names its tenant: scoped it passes the guard, unscoped it is refused, another tenant finds nothing', async () => {
    const tenantId = new Types.ObjectId();
    const { _id } = await model.create({ tenantId, status: 'free' });

    await expect(transition(model, room, { id: _id, to: 'booked', origin })).rejects.toBeInstanceOf(UnscopedTenantQueryError);
    await expect(
      transition(model, room, { id: _id, scope: { tenantId: new Types.ObjectId() }, to: 'booked', origin }),
    ).rejects.toBeInstanceOf(NotFoundException);
    expect((await rooms.findOne({ tenantId, _id }))!.status).toBe('free');

    const moved = await transition(model, room, { id: _id, scope: { tenantId }, to: 'booked', origin });
    expect(moved).toMatchObject({ moved: true, document: { status: 'booked' } });
    expect((await rooms.findOne({ tenantId, _id }))!.status).toBe('booked');
  });

  it('a cap is kept one by one and per tenant', async () => {
    const tenantId = new Types.ObjectId();
    const refuse = () => new CapReached();
    for (let i = 0; i < 3; i++) await caps.create(rooms, { tenantId, status: 'free' }, 3, refuse);
    await expect(caps.create(rooms, { tenantId, status: 'free' }, 3, refuse)).rejects.toBeInstanceOf(CapReached);
    expect(await rooms.count({ tenantId })).toBe(3);
    await caps.create(rooms, { tenantId: new Types.ObjectId(), status: 'free' }, 3, refuse);
  });

  it('twelve creations at once against a cap of 3 leave exactly 3, the others refused', async () => {
    for (let round = 0; round < 5; round++) {
      const tenantId = new Types.ObjectId();
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, () => caps.create(rooms, { tenantId, status: 'free' }, 3, () => new CapReached())),
      );
      const kept = results.filter((result) => result.status === 'fulfilled').length;
      for (const result of results) if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(CapReached);
      expect(kept).toBe(3);
      expect(await rooms.count({ tenantId })).toBe(3);
    }
  });
});
