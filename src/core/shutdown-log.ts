import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';

/** Says in the log where a shutdown is; the HTTP drain is logged by the signal handler in main.ts. */
@Injectable()
export class ShutdownLog implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  beforeApplicationShutdown(): void {
    this.logger.log('stopping schedulers; running jobs finish first');
  }

  onApplicationShutdown(): void {
    this.logger.log('schedulers stopped, database closed');
  }
}
