import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from '../../src/core/database/mongo-standin.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const loader = pathToFileURL(join(root, 'test', 'support', 'source-loader', 'register.mjs')).href;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface AppProcess {
  port: number;
  base: string;
  child: ChildProcess;
  exited: Promise<Exit>;
  /** What the process wrote so far (its JSON log lines), for failure messages. */
  output(): string;
  kill(): Promise<void>;
}

/**
 * The application as `node dist/main.js` runs it (main.ts, its signal handling, its exit status),
 * started from the sources through an SWC loader so no build is needed, on this file's database.
 */
export async function startAppProcess(env: Record<string, string> = {}): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', loader, join(root, 'src', 'main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  void exited.then(() => (gone = true));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 100_000;
  for (;;) {
    if (gone) throw new Error(`the application exited during start:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the application did not answer within 100 s:\n${output}`);
    const live = await fetch(`${base}/api/health/live`)
      .then((response) => response.ok)
      .catch(() => false);
    if (live) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    base,
    child,
    exited,
    output: () => output,
    kill: async () => {
      if (gone) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
