// Lists the entries of a zip file (a .vsix is one) from its central
// directory: name, compressed and uncompressed size. Enough to report what
// each part of a package costs and to check what it holds, without an
// unzip tool on the machine. Zip64 archives are refused (a .vsix never is one).
import { readFileSync } from 'node:fs';

/** @returns {{ name: string, compressed: number, size: number }[]} */
export function zipEntries(file) {
  const zip = readFileSync(file);
  // The end-of-central-directory record: its 22 bytes, after at most a 64 KB comment.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error(`${file} is not a zip file (no end of central directory)`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new Error(`${file} is a zip64 archive, which is not supported`);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: broken central directory entry ${i}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
