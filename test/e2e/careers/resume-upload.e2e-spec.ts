import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, userWithRole, type TestUser } from '../../support/auth.js';
import { applicantEmail, mailedFollowUpToken, postingInput } from '../../support/factories/careers.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

describe('applying with an uploaded resume', () => {
  let t: TestApp;
  let staff: TestUser;
  let postingId: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
    postingId = (await t.http().post('/api/careers/jobs').set(bearer(staff)).send(postingInput())).body.id;
  });
  afterAll(() => t?.close());

  const upload = (email: string, file: Buffer, name: string) =>
    t
      .http()
      .post('/api/careers/applications/upload')
      .field('postingId', postingId)
      .field('name', 'Grace Hopper')
      .field('email', email)
      .attach('file', file, name);

  it('stores the file, gives staff a short-lived download URL, and drops the file when the applicant withdraws', async () => {
    const email = applicantEmail();
    const applied = await upload(email, PDF, 'grace-cv.pdf');
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body.resume).toMatchObject({ kind: 'file', fileName: 'grace-cv.pdf' });

    const link = await t.http().get(`/api/careers/applications/${applied.body.id}/resume`).set(bearer(staff));
    expect(link.status).toBe(200);
    expect(Date.parse(link.body.expiresAt)).toBeGreaterThan(Date.now());
    expect(link.body.url).toMatch(/^https?:\/\//);

    const token = await mailedFollowUpToken(t.app, email);
    const withdrawn = await t.http().post(`/api/careers/applications/${applied.body.id}/withdraw`).query({ token }).send({});
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', resume: { kind: 'none' } });
    expect((await t.http().get(`/api/careers/applications/${applied.body.id}/resume`).set(bearer(staff))).status).toBe(404);
  });

  it('refuses a file that is not a resume, and a duplicate application, without keeping the file', async () => {
    expect((await upload(applicantEmail(), PNG, 'photo.png')).status).toBe(415);
    const email = applicantEmail();
    expect((await upload(email, PDF, 'cv.pdf')).status).toBe(201);
    const before = await t.connection.collection('files').countDocuments({});
    expect((await upload(email, PDF, 'cv-again.pdf')).status).toBe(409);
    expect(await t.connection.collection('files').countDocuments({})).toBe(before);
  });
});
