import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, type Model } from 'mongoose';
import { AppConfig } from '../../core/config/app-config.js';
import { LoginThrottle } from './schemas/login-throttle.schema.js';

/** Locks an email out after repeated failed sign-ins, across all instances. */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectModel(LoginThrottle.name) private readonly throttles: Model<LoginThrottle>,
    private readonly config: AppConfig,
  ) {}

  async assertNotLocked(email: string): Promise<void> {
    const locked = await this.throttles
      .findOne({ key: email, lockedUntil: trusted({ $gt: new Date() }) }, { lockedUntil: 1 })
      .lean<Pick<LoginThrottle, 'lockedUntil'>>();
    if (locked?.lockedUntil) {
      const retryAfter = Math.max(1, Math.ceil((locked.lockedUntil.getTime() - Date.now()) / 1000));
      throw new HttpException({ message: 'Too many failed sign-ins; try again later.', retryAfter }, HttpStatus.TOO_MANY_REQUESTS);
    }
  }

  async recordFailure(email: string): Promise<void> {
    const windowMs = this.config.get('LOGIN_LOCK_SECONDS') * 1000;
    const now = Date.now();
    const counter = await this.throttles
      .findOneAndUpdate(
        { key: email },
        { $inc: { failures: 1 }, $set: { expiresAt: new Date(now + windowMs) } },
        { upsert: true, returnDocument: 'after', projection: { failures: 1 } },
      )
      .lean<Pick<LoginThrottle, 'failures'>>();
    if (counter && counter.failures >= this.config.get('LOGIN_MAX_FAILURES')) {
      await this.throttles.updateOne({ key: email }, { $set: { lockedUntil: new Date(now + windowMs), failures: 0 } });
    }
  }

  async clear(email: string): Promise<void> {
    await this.throttles.deleteOne({ key: email });
  }
}
