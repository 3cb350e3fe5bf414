import { fileTypeFromFile } from 'file-type';
import { open } from 'node:fs/promises';
import { PURPOSE_RULES, TEXT_TYPES, type FilePurpose, type TextType } from './file-purposes.js';
import { sniffText, TEXT_SAMPLE_BYTES } from './text-sniff.js';

export type TypeVerdict = { accepted: true; contentType: string } | { accepted: false; detected?: string };

/**
 * The type of a spooled upload, judged from its bytes only (never its name or the client's claim), and
 * whether the purpose accepts it. Signatures first (file-type); text only when no signature matched.
 */
export async function judgeContentType(path: string, size: number, purpose: FilePurpose): Promise<TypeVerdict> {
  const allowed = PURPOSE_RULES[purpose].types;
  const signature = await fileTypeFromFile(path);
  if (signature) {
    return allowed.includes(signature.mime)
      ? { accepted: true, contentType: signature.mime }
      : { accepted: false, detected: signature.mime };
  }
  const textTypes = TEXT_TYPES.filter((type): type is TextType => allowed.includes(type));
  const text = sniffText(await readSample(path), size <= TEXT_SAMPLE_BYTES, textTypes);
  return text ? { accepted: true, contentType: text } : { accepted: false };
}

async function readSample(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(TEXT_SAMPLE_BYTES);
    const { bytesRead } = await file.read(buffer, 0, TEXT_SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
