/**
 * How the documents are split between the machines of a planned build: each part takes whole search
 * shards (src/search/shards.ts), consecutive in time, so each shard's Pagefind bundle is built on
 * exactly one machine from the documents that machine renders; the parts are as even as whole shards allow.
 */
import type { Shard } from '../search/shards.ts';

export interface Part {
  /** 0, 1, … */
  index: number;
  /** Names of the search shards it builds, oldest first. */
  shards: string[];
  /** Its documents: those of its shards. */
  ids: string[];
}

/**
 * Splits `shards` (oldest first) into `count` runs of consecutive shards: a shard goes to the part
 * its first document falls in when the documents are cut into `count` equal spans. A part may be
 * empty when there are fewer shards than parts (the first never is).
 */
export function assignParts(shards: Shard[], count: number): Part[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`a plan needs a whole number of parts, at least 1 (got ${count})`);
  const parts: Part[] = Array.from({ length: count }, (_, index) => ({ index, shards: [], ids: [] }));
  const total = shards.reduce((sum, shard) => sum + shard.ids.length, 0);
  let before = 0;
  for (const shard of shards) {
    const part = parts[Math.min(count - 1, Math.floor((before * count) / Math.max(total, 1)))]!;
    part.shards.push(shard.name);
    part.ids.push(...shard.ids);
    before += shard.ids.length;
  }
  return parts;
}
