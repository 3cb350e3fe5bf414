import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';

/** Says in the log when a signal starts the drain and when it is done. */
@Injectable()
export class ShutdownLog implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  beforeApplicationShutdown(signal?: string): void {
    if (signal) this.logger.log(`${signal} received: no new connections, finishing in-flight requests`);
  }

  onApplicationShutdown(signal?: string): void {
    if (signal) this.logger.log('schedulers stopped, database closed; exiting');
  }
}
