/**
 * Works through items that arrive in batches, at most `limit` at once (a number, or a function
 * asked before each start, so a consumer that needs only a few more outcomes can say so), and yields the outcomes in
 * the items' order: the archive's search checks candidates this way, so a query held by thousands
 * of documents never opens thousands of requests at once, and results stream in rank order.
 *
 * `nextBatch` is asked for more items only once every item so far has been yielded and the consumer
 * wants another, so a consumer that stops after a page of results never causes the next batch to be
 * fetched (for search: the next index shard to be loaded). Work already started when the consumer
 * stops runs to its end (its outcome may be cached by `work`), but nothing new starts.
 */
export async function* inOrder<T, R>(
  nextBatch: () => Promise<T[] | undefined>,
  limit: number | (() => number),
  work: (item: T, index: number) => Promise<R>,
): AsyncGenerator<R> {
  const width = () => Math.max(1, typeof limit === 'number' ? limit : limit());
  const running: Array<Promise<R>> = [];
  let queue: T[] = [];
  let index = 0;
  for (;;) {
    while (running.length < width() && queue.length) {
      const outcome = work(queue.shift()!, index++);
      // An outcome not awaited yet must not count as an unhandled rejection; it is rethrown when yielded.
      outcome.catch(() => {});
      running.push(outcome);
    }
    if (running.length) {
      yield await running.shift()!;
      continue;
    }
    const batch = await nextBatch();
    if (!batch) return;
    queue = [...batch];
  }
}
