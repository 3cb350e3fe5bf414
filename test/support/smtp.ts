import { SMTPServer } from 'smtp-server';
import { freePort } from '../../src/core/database/mongo-standin.js';

export interface ReceivedEmail {
  to: string[];
  raw: string;
  subject: string;
  /** The queue item id the worker stamps on every message. */
  emailId?: string;
}

export interface TestSmtp {
  url: string;
  received: ReceivedEmail[];
  /** While true, every recipient is refused with a temporary error. */
  refusing: boolean;
  stop(): Promise<void>;
}

/** A real SMTP server in the test process (the smtp-server package), on loopback. */
export async function startSmtp(): Promise<TestSmtp> {
  const port = await freePort();
  const state: TestSmtp = { url: `smtp://127.0.0.1:${port}`, received: [], refusing: false, stop: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refusing) return callback(Object.assign(new Error('mailbox unavailable, try later'), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        state.received.push({
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw,
          subject: /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? '',
          emailId: /^X-Atrium-Email-Id: (\w+)/im.exec(raw)?.[1],
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  state.stop = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
