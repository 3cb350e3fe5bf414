import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import mongoose, { Types, type Model } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/effects-relay.js';
import { carryEffects, type OwedEffect } from '../../../src/core/events/owed-effect.js';
import { defineLifecycle } from '../../../src/core/lifecycle/lifecycle.js';
import { transition, type AuditEntry } from '../../../src/core/lifecycle/transition.js';

type DoorState = 'closed' | 'open' | 'locked';
const door = defineLifecycle<DoorState>({
  resource: 'door',
  states: ['closed', 'open', 'locked'],
  initial: 'closed',
  moves: [
    { from: 'closed', to: 'open', by: ['owner', 'staff'] },
    { from: 'open', to: 'closed', by: ['owner', 'staff', 'system'] },
    { from: 'closed', to: 'locked', by: ['staff'] },
  ],
});

@Schema({ collection: 'doors' })
class Door {
  _id: Types.ObjectId;
  @Prop({ type: String, required: true }) status: DoorState;
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<DoorState>[];
  effects?: OwedEffect[];
}
const DoorSchema = SchemaFactory.createForClass(Door);
carryEffects(DoorSchema);

describe('compare-and-set transitions with owed effects', () => {
  let connection: mongoose.Connection;
  let doors: Model<Door>;

  beforeAll(async () => {
    connection = await mongoose.createConnection(process.env.MONGODB_URI!).asPromise();
    doors = connection.model<Door>(Door.name, DoorSchema);
    await doors.syncIndexes();
  });
  afterAll(async () => {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  });

  const origin = { trigger: 'owner' as const, source: 'api', actorId: new Types.ObjectId().toString(), ip: '203.0.113.9' };

  it('writes the status, the audit entry and the owed effect in one update', async () => {
    const { _id } = await doors.create({ status: 'closed' });
    const result = await transition(doors, door, {
      id: _id,
      to: 'open',
      origin,
      effects: [{ key: `opened:${_id.toString()}`, name: 'door.opened', payload: { id: _id.toString() } }],
    });
    expect(result.moved).toBe(true);
    const stored = await doors.findById(_id).lean<Door>();
    expect(stored!.status).toBe('open');
    expect(stored!.audit).toMatchObject([{ from: 'closed', to: 'open', source: 'api', ip: '203.0.113.9' }]);
    expect(stored!.effects).toMatchObject([{ key: `opened:${_id.toString()}`, state: 'pending', attempts: 0 }]);
  });

  it('lets exactly one of 20 concurrent identical moves win', async () => {
    const { _id } = await doors.create({ status: 'closed' });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        transition(doors, door, {
          id: _id,
          to: 'open',
          origin,
          effects: [{ key: `opened:${_id.toString()}`, name: 'door.opened', payload: {} }],
        }),
      ),
    );
    expect(results.filter((result) => result.moved)).toHaveLength(1);
    const stored = await doors.findById(_id).lean<Door>();
    expect(stored!.audit).toHaveLength(1);
    expect(stored!.effects).toHaveLength(1);
  });

  it('answers 409 naming both states for a move the table forbids to that trigger', async () => {
    const { _id } = await doors.create({ status: 'closed' });
    await expect(transition(doors, door, { id: _id, to: 'locked', origin })).rejects.toMatchObject({
      status: 409,
      extensions: { from: 'closed', to: 'locked' },
    });
    expect((await doors.findById(_id).lean<Door>())!.status).toBe('closed');
  });

  it('retries a failing effect until its handler succeeds, once, then marks it done', async () => {
    const relay = new EffectsRelay();
    relay.options = { maxAttempts: 5, retryBaseMs: 1, leaseMs: 60_000 };
    relay.carry(doors);
    const ran: string[] = [];
    let failures = 1;
    relay.handle('door.opened.retry', async (_payload, key) => {
      if (failures-- > 0) throw new Error('mail server away');
      ran.push(key);
    });
    const { _id } = await doors.create({ status: 'closed' });
    const { document } = await transition(doors, door, {
      id: _id,
      to: 'open',
      origin,
      effects: [{ key: `retry:${_id.toString()}`, name: 'door.opened.retry', payload: {} }],
    });
    await relay.deliver(doors, document);
    expect(ran).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Several instances sweeping at once still run it once.
    await Promise.all([relay.sweep(), relay.sweep(), relay.sweep()]);
    await relay.sweep();
    expect(ran).toEqual([`retry:${_id.toString()}`]);
    const stored = await doors.findById(_id).lean<Door>();
    expect(stored!.effects![0]).toMatchObject({ state: 'done', attempts: 2, lastError: 'mail server away' });
  });

  it('gives up after the last attempt and reports the effect as dead', async () => {
    const relay = new EffectsRelay();
    relay.options = { maxAttempts: 2, retryBaseMs: 1, leaseMs: 60_000 };
    relay.carry(doors);
    relay.handle('door.opened.never', async () => {
      throw new Error('always fails');
    });
    const { _id } = await doors.create({ status: 'closed' });
    const { document } = await transition(doors, door, {
      id: _id,
      to: 'open',
      origin,
      effects: [{ key: `never:${_id.toString()}`, name: 'door.opened.never', payload: {} }],
    });
    await relay.deliver(doors, document);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await relay.sweep();
    await relay.sweep();
    const dead = await relay.dead();
    expect(dead).toContainEqual(expect.objectContaining({ collection: 'doors', key: `never:${_id.toString()}`, attempts: 2 }));
  });
});
