import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const loader = pathToFileURL(join(root, 'test', 'support', 'source-loader', 'register.mjs')).href;

/** The line main.ts writes once it listens, with the port it was given. */
const LISTENING = /Atrium listening on http:\/\/localhost:(\d+)/;

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
  // Port 0: the process takes whatever port is free when it listens and names it in its log, so two
  // processes started at once never race for a port picked in advance. That line is written at info.
  if (env.LOG_LEVEL && !['info', 'debug', 'trace'].includes(env.LOG_LEVEL))
    throw new Error(`startAppProcess reads the port from the info line main.ts writes; LOG_LEVEL ${env.LOG_LEVEL} hides it`);
  const child = spawn(process.execPath, ['--import', loader, join(root, 'src', 'main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 100_000;
  let port = 0;
  for (;;) {
    if (gone) throw new Error(`the application exited during start:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the application did not answer within 100 s:\n${output}`);
    port ||= Number(LISTENING.exec(output)?.[1] ?? 0);
    const live =
      port > 0 &&
      (await fetch(`http://127.0.0.1:${port}/api/health/live`)
        .then((response) => response.ok)
        .catch(() => false));
    if (live) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const base = `http://127.0.0.1:${port}`;
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
