import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'vitest';
import { s3Client, type S3Settings } from '../../../src/core/storage/index.js';

/** Where a MinIO binary is, if this machine has one (MINIO_BIN, or where `go install` puts it). */
export const MINIO_BINARY = [process.env.MINIO_BIN, join(homedir(), 'go', 'bin', 'minio')].find(
  (path): path is string => !!path && existsSync(path),
);

/** Skips the running test, saying why, when there is no MinIO to test against. */
export function requireMinio(context: TestContext): void {
  if (!MINIO_BINARY) context.skip('no MinIO binary (set MINIO_BIN or install it into ~/go/bin/minio)');
}

export interface RunningMinio {
  settings: S3Settings & { endpoint: string };
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** A MinIO server of its own on free ports, with generated credentials and one empty bucket. */
export async function startMinio(binary: string, bucket: string): Promise<RunningMinio> {
  const dataDir = await mkdtemp(join(tmpdir(), 'atrium-minio-'));
  const [port, consolePort] = [await freePort(), await freePort()];
  const accessKeyId = `atrium${randomBytes(6).toString('hex')}`;
  const secretAccessKey = randomBytes(24).toString('hex');
  const minio = spawn(
    binary,
    ['server', dataDir, '--address', `127.0.0.1:${port}`, '--console-address', `127.0.0.1:${consolePort}`, '--quiet'],
    { env: { ...process.env, MINIO_ROOT_USER: accessKeyId, MINIO_ROOT_PASSWORD: secretAccessKey }, stdio: 'ignore' },
  );
  const stop = async () => {
    minio.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  };
  const settings = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    bucket,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: true,
  };
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (minio.exitCode !== null) throw new Error(`minio exited with ${minio.exitCode}`);
      if (
        await fetch(`${settings.endpoint}/minio/health/live`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (Date.now() > deadline) throw new Error('minio did not start within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await s3Client(settings).send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    await stop();
    throw error;
  }
  return { settings, stop };
}
