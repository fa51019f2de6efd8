/**
 * One query worked through in rank order: the candidates Pagefind returns shard after shard (newest
 * first), each decided (does it hold every term?) at most LOOKAHEAD at a time, in order, so results
 * stream and a page of them costs only the candidates before it. What a check learned is kept per
 * set of terms, so the next page, the count and the same words under another filter do not fetch
 * a file twice.
 */
import { type ResultCard, foldedText, holdsTerms, resultCard } from './check-file.ts';
import { type ArchiveFiles, type ArchiveIndex, type IndexQuery, fragmentBucket } from './engine.ts';
import type { SearchDocument } from './segments.ts';
import { inOrder } from '../utils/lookahead.ts';

/** Candidates decided at once; their fetches share the files' pool (src/search/engine.ts). */
export const LOOKAHEAD = 12;

/**
 * The share of a bucket's documents among a query's candidates from which (and from two
 * candidates) they are checked from the bucket's pack when every candidate is wanted. Measured in
 * Chromium here at 10,000 documents (39 a bucket), a check file cost a query ~7 ms and a pack
 * ~15 ms, and a pack's bytes are about 16 check files' (50 KB gzipped: one bucket's texts compress
 * together better than apart, 3.1 KB each). So three candidates of a bucket already cost more one
 * by one than its pack; at one half, 政府採購法 (2,481 documents, a quarter of each bucket) was
 * checked one file at a time, ~2,500 requests. At this share a query never fetches more than all
 * packs (13 MB gzipped at 10,000) and about 250 requests whatever its count.
 */
export const PACKED_SHARE = 0.08;

/** What deciding one candidate found, with what a result or a count per filter value needs of it. */
export interface Outcome {
  hit: boolean;
  card?: ResultCard;
  filters?: SearchDocument['filters'];
}

/**
 * What a candidate is checked against when the index cannot prove the terms: its search file (a
 * page with excerpts fetches it anyway) or its smaller check file (results without excerpts, counts).
 */
export type CheckAgainst = 'search-file' | 'check-file';

export interface Decision {
  /** The Pagefind page id. */
  id: string;
  outcome: Outcome;
}

/** Outcomes by Pagefind page id, for one set of terms. */
export type Outcomes = Map<string, Promise<Outcome>>;

export class QueryCursor {
  readonly #index: ArchiveIndex;
  readonly #files: ArchiveFiles;
  readonly #outcomes: Outcomes;
  readonly #shards: Array<Promise<string[]> | undefined> = [];
  #known = 0;
  #searched = 0;
  #decided = 0;
  #hits = 0;

  /**
   * `proven`: the index alone decides every term (src/search/tokens.ts `provenByIndex`), so every
   * candidate is a result and nothing is fetched to decide it.
   */
  readonly query: IndexQuery;
  readonly terms: string[];
  readonly proven: boolean;

  constructor(index: ArchiveIndex, files: ArchiveFiles, query: IndexQuery, terms: string[], proven: boolean, outcomes: Outcomes) {
    this.query = query;
    this.terms = terms;
    this.proven = proven;
    this.#index = index;
    this.#files = files;
    this.#outcomes = outcomes;
  }

  /** Candidates of the shards searched so far. */
  get known(): number {
    return this.#known;
  }

  /** Candidates decided from the first on, and how many of those hold the terms: the sample of an estimate. */
  get sample(): { decided: number; hits: number } {
    return { decided: this.#decided, hits: this.#hits };
  }

  /** Whether every candidate of every shard has been decided: `sample.hits` is then the exact count. */
  get complete(): boolean {
    return this.#searched === this.#index.shardCount && this.#decided === this.#known;
  }

  /** The candidates of one shard, searched once. */
  #shard(shard: number): Promise<string[]> {
    let ids = this.#shards[shard];
    if (!ids) {
      ids = this.#index.searchShard(this.query, shard).then((found) => {
        this.#known += found.length;
        this.#searched++;
        return found;
      });
      this.#shards[shard] = ids;
      ids.catch(() => (this.#shards[shard] = undefined));
    }
    return ids;
  }

  #decide(id: string, against: CheckAgainst): Promise<Outcome> {
    if (this.proven) return Promise.resolve({ hit: true });
    let outcome = this.#outcomes.get(id);
    if (!outcome) {
      outcome = (async () => {
        const documentId = await this.#files.documentId(id);
        if (against === 'search-file') {
          const document = await this.#files.searchDocument(documentId);
          return { hit: holdsTerms(foldedText(document), this.terms), card: resultCard(document), filters: document.filters };
        }
        const check = await this.#files.check(documentId);
        return { hit: holdsTerms(check.text, this.terms), card: resultCard(check), filters: check.filters };
      })();
      this.#outcomes.set(id, outcome);
      outcome.catch(() => this.#outcomes.delete(id));
    }
    return outcome;
  }

  /**
   * Before every candidate is checked (all results, an exact count): the candidates that make up at
   * least PACKED_SHARE of their bucket's documents are checked from the bucket's pack, one request
   * for all of them, the packs asked for in the rank order of their first candidate; the rest are
   * checked one check file each as their turn comes.
   */
  async #checkDenseBuckets(): Promise<void> {
    const ids = (await Promise.all(Array.from({ length: this.#index.shardCount }, (_, shard) => this.#shard(shard)))).flat();
    if (this.proven) return;
    const byBucket = new Map<string, string[]>();
    for (const id of ids) {
      if (this.#outcomes.has(id)) continue;
      const bucket = fragmentBucket(id);
      (byBucket.get(bucket) ?? byBucket.set(bucket, []).get(bucket)!).push(id);
    }
    if (!byBucket.size) return;
    const sizes = await this.#files.packSizes();
    for (const [bucket, members] of byBucket) {
      if (members.length < 2 || members.length < PACKED_SHARE * (sizes[bucket] ?? Infinity)) continue;
      const pack = this.#files.pack(bucket);
      for (const id of members) {
        const outcome = pack.then((checks): Outcome => {
          const check = checks[id];
          if (!check) throw new Error(`search pack ${bucket} has no page ${id}: the index and search/packs/ are from different builds`);
          return { hit: holdsTerms(check.text, this.terms), card: resultCard(check), filters: check.filters };
        });
        this.#outcomes.set(id, outcome);
        outcome.catch(() => this.#outcomes.delete(id));
      }
    }
  }

  /**
   * Every candidate decided, in rank order. `width` says how many may be decided ahead of the one
   * the consumer waits for (a page that needs three more results asks for three): a consumer that
   * stops never causes more than that to be fetched, nor the next shard to be searched. `every`:
   * the consumer wants every candidate decided, so dense buckets are checked by their packs.
   */
  async *decisions(against: CheckAgainst, width: () => number = () => LOOKAHEAD, { every = false } = {}): AsyncGenerator<Decision> {
    if (every && against === 'check-file') await this.#checkDenseBuckets();
    let shard = 0;
    const nextBatch = async () => (shard < this.#index.shardCount ? this.#shard(shard++) : undefined);
    let position = 0;
    for await (const decision of inOrder(nextBatch, width, async (id: string) => ({ id, outcome: await this.#decide(id, against) }))) {
      if (position++ === this.#decided) {
        this.#decided++;
        if (decision.outcome.hit) this.#hits++;
      }
      yield decision;
    }
  }
}
