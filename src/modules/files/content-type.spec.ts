import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeContentType } from './content-type.js';
import type { FilePurpose } from './file-purposes.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(4088)]);

describe('judging an upload’s type from its bytes', () => {
  let dir: string;
  let count = 0;
  const judge = async (bytes: Buffer, purpose: FilePurpose) => {
    const path = join(dir, `upload-${count++}`);
    await writeFile(path, bytes);
    return judgeContentType(path, bytes.length, purpose);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atrium-types-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('accepts a signature the purpose lists', async () => {
    expect(await judge(PNG, 'avatar')).toEqual({ accepted: true, contentType: 'image/png' });
    expect(await judge(PDF, 'resume')).toEqual({ accepted: true, contentType: 'application/pdf' });
  });

  it('refuses a signature the purpose does not list, naming what it found', async () => {
    expect(await judge(PDF, 'avatar')).toEqual({ accepted: false, detected: 'application/pdf' });
    expect(await judge(ELF, 'attachment')).toEqual({ accepted: false, detected: 'application/x-elf' });
  });

  it('accepts text only where the purpose lists a text type', async () => {
    const text = Buffer.from('Jane Doe\nEngineer\n');
    expect(await judge(text, 'resume')).toEqual({ accepted: true, contentType: 'text/plain' });
    expect(await judge(text, 'avatar')).toEqual({ accepted: false });
    expect(await judge(Buffer.from('a,b\n1,2\n'), 'attachment')).toEqual({ accepted: true, contentType: 'text/csv' });
  });
});
