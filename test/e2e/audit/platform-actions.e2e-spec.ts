import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { advance, openPosting, submitApplication } from '../../support/factories/careers.js';
import { submitSuggestion } from '../../support/factories/suggestions.js';
import { mailedManageToken, registerFor, scheduledWebinar } from '../../support/factories/webinars.js';

const DAY_MS = 86_400_000;

type Entry = { action: string; actor: { id?: string; role: string }; before?: object; after?: object; changedFields: string[] };

/** Staff actions in careers, webinars and suggestions each leave one entry, without the applicant's or registrant's personal data. */
describe('recorded staff actions of careers, webinars and suggestions', () => {
  let t: TestApp;
  let staff: TestUser;
  let postingId: string;

  /** The entries about a target, newest first, as the staff log answers them. */
  const about = async (targetId: string): Promise<Entry[]> => {
    const response = await t.http().get('/api/audit-logs').query({ targetId }).set(bearer(staff));
    expect(response.status).toBe(200);
    return response.body.items as Entry[];
  };
  const staffPost = (path: string, body: object) => t.http().post(path).set(bearer(staff)).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
    postingId = (await openPosting(t.app, staff)).id;
  });
  afterAll(() => t?.close());

  describe('careers', () => {
    const pipeline = (id: string, path: string) => `/api/careers/applications/${id}/${path}`;
    const offerBody = () => ({
      salary: 90_000_00,
      currency: 'EUR',
      startDate: new Date(Date.now() + 60 * DAY_MS).toISOString().slice(0, 10),
      expiresAt: new Date(Date.now() + 7 * DAY_MS).toISOString(),
    });

    it('staff moving, assigning, annotating and interviewing: one entry each, without the note’s text or the meeting', async () => {
      const application = await submitApplication(t.app, postingId);
      const moved = await staffPost(pipeline(application.id, 'transitions'), { to: 'screening', reason: 'Strong profile' });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      // The same move again changes nothing and records nothing.
      expect((await staffPost(pipeline(application.id, 'transitions'), { to: 'screening' })).status).toBe(200);
      expect((await staffPost(pipeline(application.id, 'reviewer'), { reviewerId: staff.id })).status).toBe(200);
      expect((await staffPost(pipeline(application.id, 'reviewer'), { reviewerId: staff.id })).status).toBe(200);
      expect((await staffPost(pipeline(application.id, 'notes'), { body: 'Salary expectation above band' })).status).toBe(201);
      const scheduledAt = new Date(Date.now() + DAY_MS).toISOString();
      const interview = await staffPost(pipeline(application.id, 'interviews'), {
        scheduledAt,
        kind: 'video',
        interviewerIds: [staff.id],
        meetingUrl: 'https://meet.atrium-demo.com/interview-audit',
      });
      expect(interview.status, JSON.stringify(interview.body)).toBe(201);

      const entries = await about(application.id);
      expect(entries.map((entry) => entry.action)).toEqual([
        'application.interview-scheduled',
        'application.note-added',
        'application.reviewer-assigned',
        'application.transitioned',
      ]);
      expect(entries[3]).toMatchObject({
        actor: { id: staff.id, role: 'staff' },
        before: { status: 'submitted' },
        after: { status: 'screening', reason: 'Strong profile' },
      });
      expect(entries[2]).toMatchObject({ before: { reviewerId: null }, after: { reviewerId: staff.id } });
      expect(entries[1].after).toMatchObject({ noteLength: 'Salary expectation above band'.length });
      expect(entries[0].after).toEqual({
        interviewId: interview.body.interviews[0].id,
        kind: 'video',
        scheduledAt,
        durationMinutes: 60,
        interviewerIds: [staff.id],
      });
      const text = JSON.stringify(entries);
      for (const personal of ['Salary expectation', 'interview-audit', application.applicant.email, 'Ada Lovelace', 'cv.atrium-demo.com'])
        expect(text).not.toContain(personal);
    });

    it('staff making an offer and withdrawing it, without its terms', async () => {
      const application = await submitApplication(t.app, postingId);
      await advance(t.app, staff, application.id, ['screening', 'phone_interview', 'onsite_interview']);
      const body = offerBody();
      const offered = await staffPost(pipeline(application.id, 'offer'), body);
      expect(offered.status, JSON.stringify(offered.body)).toBe(201);
      const withdrawn = await staffPost(pipeline(application.id, 'transitions'), { to: 'rejected', reason: 'Position closed' });
      expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);

      const [withdrawal, offer] = await about(application.id);
      expect(offer).toMatchObject({
        action: 'application.offer-made',
        actor: { id: staff.id, role: 'staff' },
        before: { status: 'onsite_interview' },
        after: { status: 'offer_extended', expiresAt: body.expiresAt },
      });
      expect(JSON.stringify(offer)).not.toContain(String(body.salary));
      expect(withdrawal).toMatchObject({
        action: 'application.offer-withdrawn',
        before: { status: 'offer_extended' },
        after: { status: 'rejected', reason: 'Position closed' },
      });
    });

    it('staff exporting the pipeline: the filter and the row count, not the rows', async () => {
      const posting = await openPosting(t.app, staff);
      const applications = [await submitApplication(t.app, posting.id), await submitApplication(t.app, posting.id)];
      const response = await t
        .http()
        .get('/api/careers/applications/export')
        .query({ postingId: posting.id, status: 'submitted', format: 'json' })
        .set(bearer(staff));
      expect(response.status).toBe(200);
      const entries = await about(posting.id);
      expect(entries).toEqual([
        expect.objectContaining({
          action: 'application.exported',
          actor: { id: staff.id, role: 'staff' },
          after: { postingId: posting.id, status: 'submitted', format: 'json', rowCount: 2 },
        }),
      ]);
      for (const application of applications) expect(JSON.stringify(entries)).not.toContain(application.applicant.email);
    });
  });

  describe('webinars', () => {
    it('staff moving a webinar, once per move', async () => {
      const webinar = await scheduledWebinar(t.app, staff);
      const live = await staffPost(`/api/webinars/${webinar.id}/transition`, { to: 'live' });
      expect(live.status, JSON.stringify(live.body)).toBe(200);
      expect((await staffPost(`/api/webinars/${webinar.id}/transition`, { to: 'live' })).status).toBe(200);
      expect((await staffPost(`/api/webinars/${webinar.id}/transition`, { to: 'ended', reason: 'Done early' })).status).toBe(200);
      // The factory published it through the service as staff: that move is recorded too.
      expect(await about(webinar.id)).toEqual([
        expect.objectContaining({
          action: 'webinar.transitioned',
          before: { status: 'live' },
          after: { status: 'ended', reason: 'Done early' },
        }),
        expect.objectContaining({
          action: 'webinar.transitioned',
          actor: { id: staff.id, role: 'staff' },
          before: { status: 'scheduled' },
          after: { status: 'live' },
        }),
        expect.objectContaining({ action: 'webinar.transitioned', before: { status: 'draft' }, after: { status: 'scheduled' } }),
      ]);
    });

    it('staff canceling a registration, but not a registrant canceling their own', async () => {
      const webinar = await scheduledWebinar(t.app, staff);
      const registration = await registerFor(t.app, webinar.id);
      const canceled = await staffPost(`/api/webinars/registrations/${registration.registrationId}/cancel`, {});
      expect([canceled.status, canceled.body.status]).toEqual([200, 'canceled']);
      expect((await staffPost(`/api/webinars/registrations/${registration.registrationId}/cancel`, {})).status).toBe(200);
      const entries = await about(registration.registrationId);
      expect(entries).toEqual([
        expect.objectContaining({
          action: 'webinar-registration.canceled',
          actor: { id: staff.id, role: 'staff' },
          before: { status: 'confirmed' },
          after: { status: 'canceled', webinarId: webinar.id },
        }),
      ]);
      expect(JSON.stringify(entries)).not.toContain(registration.email);

      const own = await registerFor(t.app, webinar.id);
      const token = await mailedManageToken(t.app, own.email);
      const self = await t.http().post(`/api/webinars/registrations/${own.registrationId}/cancel`).set('x-manage-token', token).send({});
      expect([self.status, self.body.status]).toEqual([200, 'canceled']);
      expect(await about(own.registrationId)).toEqual([]);
    });

    it('staff exporting a webinar’s registrations: the webinar, the format and the row count', async () => {
      const webinar = await scheduledWebinar(t.app, staff);
      const registrations = [await registerFor(t.app, webinar.id), await registerFor(t.app, webinar.id)];
      const response = await t.http().get(`/api/webinars/${webinar.id}/export`).query({ format: 'csv' }).set(bearer(staff));
      expect(response.status).toBe(200);
      const entries = (await about(webinar.id)).filter((entry) => entry.action === 'webinar-registration.exported');
      expect(entries).toEqual([
        expect.objectContaining({
          actor: { id: staff.id, role: 'staff' },
          after: { webinarId: webinar.id, format: 'csv', rowCount: 2 },
        }),
      ]);
      for (const registration of registrations) expect(JSON.stringify(entries)).not.toContain(registration.email);
    });
  });

  describe('suggestions', () => {
    let author: TestUser;
    beforeAll(async () => {
      author = await registerUser(t);
    });

    it('staff moving a suggestion, once per move', async () => {
      const suggestion = await submitSuggestion(t.app, author);
      const moved = await staffPost(`/api/suggestions/${suggestion.id}/status`, { to: 'under_review', reason: 'Looking into it' });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect((await staffPost(`/api/suggestions/${suggestion.id}/status`, { to: 'under_review' })).status).toBe(200);
      expect(await about(suggestion.id)).toEqual([
        expect.objectContaining({
          action: 'suggestion.transitioned',
          actor: { id: staff.id, role: 'staff' },
          before: { status: 'submitted' },
          after: { status: 'under_review', reason: 'Looking into it' },
        }),
      ]);
    });

    it('staff writing implementation notes: the release, the link and the notes’ length, not their text', async () => {
      const suggestion = await submitSuggestion(t.app, author);
      const notes = 'Rendering on the server with the conversation’s sources as footnotes';
      const implementation = (body: object) =>
        t.http().patch(`/api/suggestions/${suggestion.id}/implementation`).set(bearer(staff)).send(body);
      const first = await implementation({ notes, targetRelease: '2027.1' });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect((await implementation({ targetRelease: '2027.1' })).status).toBe(200);
      expect((await implementation({ targetRelease: '2027.2' })).status).toBe(200);
      const entries = await about(suggestion.id);
      expect(entries).toEqual([
        expect.objectContaining({
          action: 'suggestion.implementation-updated',
          before: { targetRelease: '2027.1' },
          after: { targetRelease: '2027.2' },
        }),
        expect.objectContaining({
          action: 'suggestion.implementation-updated',
          actor: { id: staff.id, role: 'staff' },
          before: { notesLength: 0, targetRelease: null },
          after: { notesLength: notes.length, targetRelease: '2027.1', notesEdited: true },
        }),
      ]);
      expect(JSON.stringify(entries)).not.toContain('footnotes');
    });

    it('staff hiding and showing a suggestion, once per change', async () => {
      const suggestion = await submitSuggestion(t.app, author);
      const moderate = (body: object) => staffPost(`/api/suggestions/${suggestion.id}/moderation`, body);
      expect((await moderate({ hidden: true, reason: 'Duplicate of another' })).status).toBe(200);
      expect((await moderate({ hidden: true })).status).toBe(200);
      expect((await moderate({ hidden: false })).status).toBe(200);
      expect((await moderate({ hidden: false })).status).toBe(200);
      expect(await about(suggestion.id)).toEqual([
        expect.objectContaining({
          action: 'suggestion.shown',
          before: { hidden: true, reason: 'Duplicate of another' },
          after: { hidden: false },
        }),
        expect.objectContaining({
          action: 'suggestion.hidden',
          actor: { id: staff.id, role: 'staff' },
          before: { hidden: false },
          after: { hidden: true, reason: 'Duplicate of another' },
        }),
      ]);
    });

    it('staff hiding and showing a comment, once per change, without its text', async () => {
      const suggestion = await submitSuggestion(t.app, author);
      const commenter = await registerUser(t);
      const comment = await t
        .http()
        .post(`/api/suggestions/${suggestion.id}/comments`)
        .set(bearer(commenter))
        .send({ body: 'Buy cheap watches at spam.example' });
      expect(comment.status, JSON.stringify(comment.body)).toBe(201);
      const moderate = (body: object) => staffPost(`/api/suggestions/${suggestion.id}/comments/${comment.body.id}/moderation`, body);
      expect((await moderate({ hidden: true, reason: 'Spam' })).status).toBe(200);
      expect((await moderate({ hidden: true, reason: 'Spam' })).status).toBe(200);
      expect((await moderate({ hidden: false })).status).toBe(200);
      const entries = await about(comment.body.id);
      expect(entries).toEqual([
        expect.objectContaining({
          action: 'suggestion-comment.shown',
          before: { hidden: true },
          after: { hidden: false, suggestionId: suggestion.id },
        }),
        expect.objectContaining({
          action: 'suggestion-comment.hidden',
          actor: { id: staff.id, role: 'staff' },
          before: { hidden: false },
          after: { hidden: true, reason: 'Spam', suggestionId: suggestion.id },
        }),
      ]);
      expect(JSON.stringify(entries)).not.toContain('spam.example');
    });
  });
});
