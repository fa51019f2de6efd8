/**
 * Runs tasks at most `limit` at a time, where the limit can be raised while they run: the outputs
 * worker builds one search shard at a time while Astro renders the pages on the other core, then
 * as many as there are cores once the pages are done.
 */
export class Pool {
  #limit: number;
  #running = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }

  get limit(): number {
    return this.#limit;
  }

  /** Changes the limit; tasks already running finish, waiting ones start as places free up. */
  setLimit(limit: number): void {
    this.#limit = Math.max(1, limit);
    this.#startWaiting();
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#limit) await new Promise<void>((start) => this.#waiting.push(start));
    else this.#running++;
    try {
      return await task();
    } finally {
      this.#running--;
      this.#startWaiting();
    }
  }

  #startWaiting(): void {
    while (this.#running < this.#limit && this.#waiting.length) {
      this.#running++;
      this.#waiting.shift()!();
    }
  }
}
