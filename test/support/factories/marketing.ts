import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { CaptureLinks } from '../../../src/modules/marketing/capture-links.js';
import { EmailCapturesService } from '../../../src/modules/marketing/email-captures.service.js';
import { EmailCapture } from '../../../src/modules/marketing/schemas/email-capture.schema.js';
import { anonymousContext } from './identity.js';

export const captureModel = (app: INestApplicationContext) => app.get<Model<EmailCapture>>(getModelToken(EmailCapture.name));

export const captureEmail = () => `reader.${new Types.ObjectId().toString()}@example.com`;

/** A sign-up through the public form's service; answers the capture's id. */
export async function signUp(app: INestApplicationContext, email = captureEmail(), source = 'factory'): Promise<string> {
  await app.get(EmailCapturesService).capture(anonymousContext(), { email, source });
  const capture = await captureModel(app).findOne({ email }, { _id: 1 }).lean<{ _id: Types.ObjectId }>();
  return capture!._id.toString();
}

/** The token of a sign-up's signed link, as its email carries it. */
export function captureToken(app: INestApplicationContext, id: string, purpose: 'confirm' | 'unsubscribe'): string {
  const links = app.get(CaptureLinks);
  const url = purpose === 'confirm' ? links.confirm(id).url : links.unsubscribe(id);
  return new URL(url).searchParams.get('token')!;
}

/** A sign-up whose address was confirmed from its link. */
export async function confirmedCapture(app: INestApplicationContext, email = captureEmail()): Promise<string> {
  const id = await signUp(app, email);
  await app.get(EmailCapturesService).confirm(anonymousContext(), captureToken(app, id, 'confirm'));
  return id;
}

/** Puts a sign-up's owed effects back to pending, as after a crash between running them and marking them done. */
export async function replayCaptureEffects(app: INestApplicationContext, id: string): Promise<void> {
  await captureModel(app).updateOne(
    { _id: new Types.ObjectId(id) },
    { $set: { 'effects.$[].state': 'pending', 'effects.$[].dueAt': new Date(0) }, $unset: { 'effects.$[].leaseUntil': 1 } },
  );
}
