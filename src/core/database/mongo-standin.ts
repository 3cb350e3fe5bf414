import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** tools/mongo-standin holds the pom and the launcher; found from both src/ and dist/. */
export function standinHome(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'tools', 'mongo-standin');
    if (existsSync(join(candidate, 'Launcher.java'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('tools/mongo-standin not found next to the application');
}

/** Resolves (and on first use downloads from Maven Central) the stand-in's classpath. */
export function standinClasspath(home = standinHome()): string {
  const file = join(home, 'classpath.txt');
  const jarsPresent = () =>
    existsSync(file) &&
    readFileSync(file, 'utf8')
      .trim()
      .split(':')
      .every((jar) => jar.length > 0 && existsSync(jar));
  if (!jarsPresent()) {
    execFileSync('mvn', ['-q', '-B', 'dependency:build-classpath', `-Dmdep.outputFile=${file}`, '-f', join(home, 'pom.xml')], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return readFileSync(file, 'utf8').trim();
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface RunningStandin {
  uri: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts mongo-java-server on loopback. With `file`, the H2 backend persists data there;
 * without, the memory backend serves (tests).
 */
export async function startStandin(options: { port?: number; file?: string } = {}): Promise<RunningStandin> {
  const home = standinHome();
  const classpath = standinClasspath(home);
  const port = options.port ?? (await freePort());
  // Warnings only: its per-connection INFO lines would fill a pipe that a busy parent is not reading.
  const args = [
    '-Xss8m',
    '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
    '-cp',
    classpath,
    join(home, 'Launcher.java'),
    String(port),
    '--exit-on-stdin-eof',
  ];
  if (options.file) {
    const file = resolve(options.file);
    mkdirSync(dirname(file), { recursive: true });
    args.push(file);
  }
  // stdin stays open as a lifeline: the launcher exits when it closes, so no orphan outlives us.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  await waitForLine(child, 'listening on', 60_000);
  return {
    uri: `mongodb://127.0.0.1:${port}`,
    port,
    stop: () => stopChild(child),
  };
}

function waitForLine(child: ChildProcess, marker: string, timeoutMs: number): Promise<void> {
  return new Promise((done, fail) => {
    let output = '';
    const collect = (chunk: Buffer) => (output += chunk.toString());
    const timer = setTimeout(() => fail(new Error(`stand-in did not start in ${timeoutMs} ms: ${output.slice(-500)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(marker)) {
        clearTimeout(timer);
        // Keep draining so a chatty child never blocks on a full pipe (it logs each refused command with
        // its stack trace), without keeping what it says.
        child.stdout?.off('data', onData);
        child.stderr?.off('data', collect);
        child.stdout?.resume();
        child.stderr?.resume();
        done();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`stand-in exited with code ${code}: ${output.slice(-500)}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killer);
      done();
    });
    child.kill('SIGTERM');
  });
}
