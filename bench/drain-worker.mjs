// A worker process for the drain benchmark: `enqueue <n> <tag>` fills the queue through MailService,
// `drain <workerId>` runs the application's EmailWorker until nothing is due. Both use the built app
// and act as the system, as the application's own flows and drain job do.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../dist/app.module.js';
import { systemContext } from '../dist/core/auth/request-context.js';
import { EmailWorker, MailService } from '../dist/modules/mail/index.js';

const [command, argument, tag] = process.argv.slice(2);
const app = await NestFactory.createApplicationContext(AppModule.register(), { logger: ['error'] });
const ctx = systemContext(`bench-${command}`);
try {
  if (command === 'enqueue') {
    const count = Number(argument);
    const requests = Array.from({ length: count }, (_, i) => ({
      to: `reader${i}@example.com`,
      template: 'notification',
      variables: { title: `Bench ${tag} ${i}`, body: 'A benchmark email.' },
      idempotencyKey: `bench:${tag}:${Date.now()}:${i}`,
    }));
    for (let i = 0; i < requests.length; i += 500) await app.get(MailService).enqueueMany(ctx, requests.slice(i, i + 500));
  } else {
    // Timed here, after start-up, so the rate is the worker's and not Nest's boot time.
    const startedAt = Date.now();
    const result = await app.get(EmailWorker).drainAll(ctx, argument, { batchSize: 100, concurrency: 8 });
    console.log(JSON.stringify({ sent: result.sent, startedAt, endedAt: Date.now() }));
  }
} finally {
  await app.close();
}
