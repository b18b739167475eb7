/** Reads a zip's central directory (no extraction) to say which packages take the space. */
import fs from 'node:fs';

interface ZipEntry {
  name: string;
  compressedBytes: number;
}

export function zipEntries(file: string): ZipEntry[] {
  const data = fs.readFileSync(file);
  // End of central directory: signature 0x06054b50, within the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65_557); i -= 1) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = data.readUInt16LE(eocd + 10);
  let offset = data.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (data.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${file}: unexpected central directory record`);
    const compressedBytes = data.readUInt32LE(offset + 20);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    entries.push({ name: data.toString('utf8', offset + 46, offset + 46 + nameLength), compressedBytes });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Compressed bytes per package (`node_modules/<name>`) or top-level folder/file. */
export function bytesByPart(entries: readonly ZipEntry[]): Map<string, number> {
  const parts = new Map<string, number>();
  for (const entry of entries) {
    const segments = entry.name.split('/');
    const key =
      segments[0] === 'node_modules' && segments.length > 2
        ? `node_modules/${segments[1].startsWith('@') ? `${segments[1]}/${segments[2]}` : segments[1]}`
        : segments[0];
    parts.set(key, (parts.get(key) ?? 0) + entry.compressedBytes);
  }
  return parts;
}
