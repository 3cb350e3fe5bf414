// The email queue's drain rate: real worker processes (the app's own EmailWorker, bench/drain-worker.mjs)
// against an SMTP server in this process, with one and with two workers.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../dist/core/database/mongo-standin.js';

const worker = join(dirname(fileURLToPath(import.meta.url)), 'drain-worker.mjs');

/** A node child process, awaited without blocking this process's event loop. */
function runNode(args, childEnv) {
  return new Promise((resolve, reject) => {
    const child = spawn('node', args, { env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

export async function measureDrain(env, emails) {
  const { SMTPServer } = await import('smtp-server');
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  const smtpPort = await freePort();
  await new Promise((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
  const workerEnv = { ...env, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, JOBS_ENABLED: 'false' };
  const runs = [];
  for (const workers of [1, 2]) {
    await runNode([worker, 'enqueue', String(emails), `run${workers}`], workerEnv);
    const before = received;
    const reports = await Promise.all(
      Array.from({ length: workers }, (_, index) => runNode([worker, 'drain', `bench-worker-${index}`], workerEnv)),
    );
    const spans = reports.map((report) => JSON.parse(report.trim().split('\n').at(-1)));
    // From the first worker's start to the last one's end: the queue's drain time.
    const seconds = (Math.max(...spans.map((span) => span.endedAt)) - Math.min(...spans.map((span) => span.startedAt))) / 1000;
    const delivered = received - before;
    runs.push({
      workers,
      emails: delivered,
      perWorker: spans.map((span) => span.sent),
      seconds: Number(seconds.toFixed(2)),
      emailsPerSecond: Math.round(delivered / seconds),
    });
  }
  await new Promise((resolve) => smtp.close(resolve));
  return runs;
}
