import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageQueryDto } from '../../../src/core/http/pagination.js';
import { SeedProgress } from '../../../src/cli/seed-progress.js';
import { seedWebinars } from '../../../src/cli/seeders/webinars.seeder.js';
import { RegistrationsService } from '../../../src/modules/webinars/registrations.service.js';
import { REGISTRATION_STATUSES, SEATED_STATUSES } from '../../../src/modules/webinars/registration.lifecycle.js';
import type { WebinarRegistration } from '../../../src/modules/webinars/schemas/webinar-registration.schema.js';
import type { Webinar } from '../../../src/modules/webinars/schemas/webinar.schema.js';
import { WebinarReportsService } from '../../../src/modules/webinars/webinar-reports.service.js';
import { WEBINAR_STATUSES } from '../../../src/modules/webinars/webinar.lifecycle.js';
import { WebinarsService } from '../../../src/modules/webinars/webinars.service.js';
import { account, anonymousContext, contextOf } from '../../support/factories/identity.js';
import { registerFor, registrationModel, webinarModel } from '../../support/factories/webinars.js';
import { startMediumApp } from '../../support/medium-app.js';

const page = (limit = 100) => Object.assign(new PageQueryDto(), { limit });

describe('the webinars seeder', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let staff: { id: string; role: 'staff' };
  let members: { id: string; email: string }[];

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
    members = await Promise.all([account(app), account(app), account(app), account(app), account(app)]);
    staff = { id: (await account(app, 'staff')).id, role: 'staff' };
  });
  afterAll(() => close?.());

  it(
    'seeds webinars in every state whose seat counters match their registrations, and adds nothing on a rerun',
    { timeout: 90_000 },
    async () => {
      const progress = new SeedProgress();
      const inserted = await seedWebinars(app, progress);
      const [webinars, registrations] = await Promise.all([
        webinarModel(app).find().lean<Webinar[]>(),
        registrationModel(app).find().lean<WebinarRegistration[]>(),
      ]);
      expect(inserted).toBe(webinars.length + registrations.length);
      expect(await seedWebinars(app, progress)).toBe(0);
      expect(await webinarModel(app).countDocuments()).toBe(webinars.length);
      expect(await registrationModel(app).countDocuments()).toBe(registrations.length);

      expect([...new Set(webinars.map((webinar) => webinar.status))].sort()).toEqual([...WEBINAR_STATUSES].sort());
      expect([...new Set(registrations.map((registration) => registration.status))].sort()).toEqual([...REGISTRATION_STATUSES].sort());

      const ctx = contextOf(staff);
      for (const webinar of webinars) {
        const own = registrations.filter((registration) => registration.webinarId.equals(webinar._id));
        const seated = own.filter((registration) => SEATED_STATUSES.includes(registration.status)).length;
        const waitlisted = own.filter((registration) => registration.status === 'waitlisted');
        // One registration per address, the seats never above the capacity, and the counter is the seated count.
        expect(new Set(own.map((registration) => registration.email)).size).toBe(own.length);
        expect(webinar.seatsTaken).toBe(seated);
        expect(seated).toBeLessThanOrEqual(webinar.capacity);
        // Someone waits only when every seat is taken; the webinar's sequence is past every place handed out.
        if (waitlisted.length > 0) expect(seated).toBe(webinar.capacity);
        for (const registration of own.filter((candidate) => candidate.waitlistSequence !== undefined))
          expect(registration.waitlistSequence).toBeLessThanOrEqual(webinar.waitlistSequence);
        if (webinar.status === 'draft') expect(own).toHaveLength(0);

        // What staff read back through the services agrees with the registrations.
        const dto = await app.get(WebinarsService).get(ctx, webinar._id.toString());
        expect(dto.seatsLeft).toBe(webinar.capacity - seated);
        const report = await app.get(WebinarReportsService).report(ctx, webinar._id.toString());
        expect(report.confirmed + report.attended).toBe(seated);
        expect(report.waitlisted).toBe(waitlisted.length);
        expect(report.canceled).toBe(own.filter((registration) => registration.status === 'canceled').length);
      }

      // Attendees have time in the webinar and engagement; only attendees gave feedback.
      const attended = registrations.filter((registration) => registration.status === 'attended');
      expect(attended.every((registration) => registration.attendance.visits > 0 && registration.attendance.firstJoinedAt)).toBe(true);
      expect(attended.some((registration) => registration.attendance.minutes > 0)).toBe(true);
      expect(attended.some((registration) => registration.engagement.chatMessages > 0)).toBe(true);
      expect(
        registrations.filter((registration) => registration.feedback).every((registration) => registration.status === 'attended'),
      ).toBe(true);
      expect(attended.some((registration) => registration.feedback)).toBe(true);
      // A seated cancellation gave its seat back once.
      const canceled = registrations.filter((registration) => registration.status === 'canceled');
      expect(canceled.some((registration) => registration.seatReleasedAt)).toBe(true);

      // The public listing shows the scheduled and live ones; a member sees their own registrations.
      const upcoming = await app.get(WebinarsService).upcoming(anonymousContext(), page());
      expect(upcoming.items.map((webinar) => webinar.status).sort()).toEqual(
        webinars
          .filter((webinar) => webinar.status === 'scheduled' || webinar.status === 'live')
          .map((webinar) => webinar.status)
          .sort(),
      );
      const member = members.find((candidate) => registrations.some((registration) => registration.userId?.toString() === candidate.id))!;
      const mine = await app.get(RegistrationsService).listForUser(contextOf(member), member.id, page());
      expect(mine.total).toBe(registrations.filter((registration) => registration.userId?.toString() === member.id).length);
    },
  );

  it('leaves counters the seat logic continues from: a late registrant waits, a freed seat goes to the waitlist’s head', async () => {
    const full = (await webinarModel(app).find({ status: 'scheduled' }).lean<Webinar[]>()).find(
      (webinar) => webinar.seatsTaken === webinar.capacity,
    )!;
    expect(full).toBeDefined();
    const waiting = await registrationModel(app)
      .find({ webinarId: full._id, status: 'waitlisted' })
      .sort({ waitlistSequence: 1 })
      .lean<WebinarRegistration[]>();
    expect(waiting.length).toBeGreaterThan(0);

    const late = await registerFor(app, full._id.toString());
    expect(late.status).toBe('waitlisted');
    expect(late.waitlistPosition).toBe(waiting.length + 1);

    const seated = await registrationModel(app).findOne({ webinarId: full._id, status: 'confirmed' }).lean<WebinarRegistration>();
    await app.get(RegistrationsService).cancel(contextOf(staff), seated!._id.toString(), {});
    const head = await registrationModel(app).findById(waiting[0]._id).lean<WebinarRegistration>();
    expect(head?.status).toBe('confirmed');
    const after = await webinarModel(app).findById(full._id).lean<Webinar>();
    expect(after?.seatsTaken).toBe(full.capacity);
    expect(after?.waitlistSequence).toBe(full.waitlistSequence + 1);
  });
});
