import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { EmailCapturesController } from './email-captures.controller.js';
import { EmailCapturesService } from './email-captures.service.js';
import { EmailCapture, EmailCaptureSchema } from './schemas/email-capture.schema.js';
import { UserErasureListener } from './user-erasure.listener.js';

/** Email sign-ups with double opt-in and one-click unsubscribe (seed 002's emailCaptures). */
@Module({
  imports: [NotificationsModule, MongooseModule.forFeature([{ name: EmailCapture.name, schema: EmailCaptureSchema }])],
  controllers: [EmailCapturesController],
  providers: [EmailCapturesService, UserErasureListener],
})
export class MarketingModule {}
