import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedProgress } from '../../../src/cli/seed-progress.js';
import { seedSupport } from '../../../src/cli/seeders/support.seeder.js';
import { ticketLifecycle } from '../../../src/modules/support/ticket.lifecycle.js';
import { TicketsService } from '../../../src/modules/support/tickets.service.js';
import { account, openTicket, ticketModel } from '../../support/factories/support.js';
import { startMediumApp } from '../../support/medium-app.js';

describe('the support seeder', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
    await Promise.all([account(app), account(app), account(app, 'staff')]);
  });
  afterAll(() => close?.());

  it('seeds tickets the API can read, numbered from the live counter, and adds nothing on a rerun', async () => {
    const progress = new SeedProgress();
    expect(await seedSupport(app, 30, progress)).toBe(30);
    expect(await seedSupport(app, 30, progress)).toBe(0);
    const seeded = await ticketModel(app).find().lean();
    expect(new Set(seeded.map((ticket) => ticket.ticketNumber)).size).toBe(30);
    for (const ticket of seeded) {
      expect(ticketLifecycle.states).toContain(ticket.status);
      expect(ticket.audit.at(-1)!.to).toBe(ticket.status);
    }

    // A ticket opened afterwards continues its year's counter instead of colliding with a seeded number.
    const requester = { id: seeded[0].requesterId!.toString() };
    const fresh = await openTicket(app, requester);
    expect(seeded.map((ticket) => ticket.ticketNumber)).not.toContain(fresh.ticketNumber);
    const staffView = await app.get(TicketsService).get({ client: {}, requestId: 'seed', system: true }, seeded[0]._id.toString());
    expect(staffView.messages.length).toBeGreaterThan(0);
  });
});
