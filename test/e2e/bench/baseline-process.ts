import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from '../../../src/core/database/mongo-standin.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const loader = pathToFileURL(join(root, 'test', 'support', 'source-loader', 'register.mjs')).href;

export interface BaselineProcess {
  base: string;
  output(): string;
  kill(): Promise<void>;
}

/**
 * The benchmark's baseline server as `npm run bench` starts it, on this file's database and JWT secret;
 * it takes Atrium's shared rules (the outbound-URL policy) from the sources, so no build is needed.
 */
export async function startBaseline(env: Record<string, string> = {}): Promise<BaselineProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', loader, join(root, 'bench', 'baseline-server.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      STRIPE_WEBHOOK_SECRET: 'whsec_baseline_parity_0123456789abcdef',
      BENCH_APP_DIR: join(root, 'src'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (gone) throw new Error(`the baseline exited during start:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the baseline did not answer within 60 s:\n${output}`);
    const up = await fetch(`${base}/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    base,
    output: () => output,
    kill: async () => {
      if (gone) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
