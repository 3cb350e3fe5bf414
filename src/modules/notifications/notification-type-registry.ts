import { Injectable } from '@nestjs/common';
import { declareSettingsFor } from './dto/channel-settings.dto.js';
import {
  CHANNELS,
  NOTIFICATIONS_OWN_TYPES,
  type ChannelSwitches,
  type NotificationTypeOptions,
  type NotificationTypeTable,
} from './notification-types.js';

const NAME = /^[a-z][a-z0-9-]{0,59}$/;
const BASELINE: ChannelSwitches = { in_app: true, email: true, push: true, sms: false };

/** A type nobody registered: a programming error, never silently stored. */
export class UnknownNotificationTypeError extends Error {}

/**
 * Every kind of notification the application sends, registered by the context that declares it
 * (its `<context>.notification-types.ts`, registered by the listener that turns that context's
 * events into notifications). Settings, their validation and the API document read this registry;
 * nothing lists the types centrally.
 */
@Injectable()
export class NotificationTypes {
  private readonly types = new Map<string, NotificationTypeOptions>();

  constructor() {
    this.register(NOTIFICATIONS_OWN_TYPES);
  }

  /**
   * Called from constructors, so the types are known before the API document is built from the
   * constructed application (onModuleInit would be too late for it).
   */
  register(table: NotificationTypeTable): void {
    for (const [name, options] of Object.entries(table)) {
      if (!NAME.test(name)) throw new Error(`notification type "${name}" is not kebab-case`);
      if (this.types.has(name)) throw new Error(`notification type ${name} is registered twice`);
      this.types.set(name, options);
      declareSettingsFor(name, options.critical === true);
    }
  }

  names(): string[] {
    return [...this.types.keys()];
  }

  has(name: string): boolean {
    return this.types.has(name);
  }

  isCritical(name: string): boolean {
    return this.options(name).critical === true;
  }

  criticalTypes(): string[] {
    return this.names().filter((name) => this.isCritical(name));
  }

  /** The switches in force: the type's defaults, the user's choices, and what a critical type keeps on. */
  switches(name: string, chosen: Partial<ChannelSwitches> = {}): ChannelSwitches {
    const options = this.options(name);
    const switches = { ...BASELINE, ...options.defaults, ...chosen };
    if (options.critical) Object.assign(switches, { in_app: true, email: true });
    return Object.fromEntries(CHANNELS.map((channel) => [channel, switches[channel] === true])) as ChannelSwitches;
  }

  private options(name: string): NotificationTypeOptions {
    const options = this.types.get(name);
    if (!options) throw new UnknownNotificationTypeError(`notification type ${name} is not registered by any module`);
    return options;
  }
}
