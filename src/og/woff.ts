/**
 * WOFF 1.0 → SFNT (the OpenType/TrueType file it wraps), with node:zlib. opentype.js 2.0 reads WOFF
 * itself, but its pure-JS inflate rejects some of the package's subset files ("Data error", e.g.
 * the Latin subset `noto-sans-tc-119-700-normal.woff`), and native zlib is faster anyway.
 * https://www.w3.org/TR/WOFF/#OverallStructure
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER_SIZE = 44;
const WOFF_ENTRY_SIZE = 20;
const SFNT_HEADER_SIZE = 12;
const SFNT_ENTRY_SIZE = 16;

export function isWoff(data: Uint8Array): boolean {
  return data.length >= 4 && new DataView(data.buffer, data.byteOffset, data.length).getUint32(0) === WOFF_SIGNATURE;
}

/** The SFNT inside a WOFF file; any other data is returned as it is. `name` only labels errors. */
export function woffToSfnt(data: Uint8Array, name = 'font'): Uint8Array {
  if (!isWoff(data)) return data;
  const woff = new DataView(data.buffer, data.byteOffset, data.length);
  if (data.length < WOFF_HEADER_SIZE) throw new Error(`${name}: truncated WOFF header`);
  const flavor = woff.getUint32(4);
  const numTables = woff.getUint16(12);
  const tables: Array<{ tag: number; checksum: number; bytes: Uint8Array }> = [];
  for (let i = 0; i < numTables; i++) {
    const entry = WOFF_HEADER_SIZE + i * WOFF_ENTRY_SIZE;
    if (entry + WOFF_ENTRY_SIZE > data.length) throw new Error(`${name}: truncated WOFF table directory`);
    const tag = woff.getUint32(entry);
    const offset = woff.getUint32(entry + 4);
    const compLength = woff.getUint32(entry + 8);
    const origLength = woff.getUint32(entry + 12);
    const checksum = woff.getUint32(entry + 16);
    if (offset + compLength > data.length) throw new Error(`${name}: WOFF table outside the file`);
    const stored = data.subarray(offset, offset + compLength);
    // A table is stored uncompressed when compressing it would not make it smaller.
    const bytes = compLength < origLength ? inflateSync(stored) : stored;
    if (bytes.length !== origLength) throw new Error(`${name}: WOFF table of the wrong length`);
    tables.push({ tag, checksum, bytes });
  }
  // Tables 4-byte aligned after the directory, in directory order (sorted by tag, as in the WOFF).
  let size = SFNT_HEADER_SIZE + numTables * SFNT_ENTRY_SIZE;
  const offsets = tables.map((table) => {
    const offset = size;
    size += (table.bytes.length + 3) & ~3;
    return offset;
  });
  const sfnt = new Uint8Array(size);
  const view = new DataView(sfnt.buffer);
  const entrySelector = Math.floor(Math.log2(Math.max(1, numTables)));
  const searchRange = 2 ** entrySelector * 16;
  view.setUint32(0, flavor);
  view.setUint16(4, numTables);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, numTables * 16 - searchRange);
  tables.forEach((table, i) => {
    const entry = SFNT_HEADER_SIZE + i * SFNT_ENTRY_SIZE;
    view.setUint32(entry, table.tag);
    view.setUint32(entry + 4, table.checksum);
    view.setUint32(entry + 8, offsets[i]);
    view.setUint32(entry + 12, table.bytes.length);
    sfnt.set(table.bytes, offsets[i]);
  });
  return sfnt;
}
