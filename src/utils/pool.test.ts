import { describe, expect, it } from 'vitest';
import { Pool } from './pool.ts';

/** `count` tasks on a pool of `limit`, each recording how many were running when it started and ending when told. */
function tasksOn(limit: number, count: number) {
  const pool = new Pool(limit);
  const started: number[] = [];
  const state = { running: 0 };
  const tasks = Array.from({ length: count }, () => {
    let finish!: () => void;
    const done = pool.run(async () => {
      state.running++;
      started.push(state.running);
      await new Promise<void>((resolve) => (finish = resolve));
      state.running--;
    });
    return { done, finish: () => finish?.() };
  });
  return { pool, started, state, tasks };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Pool', () => {
  it('runs no more than its limit at once', async () => {
    const { started: log, state, tasks } = tasksOn(2, 5);
    await tick();
    expect(state.running).toBe(2);
    for (const task of tasks) {
      task.finish();
      await tick();
    }
    await Promise.all(tasks.map((task) => task.done));
    expect(Math.max(...log)).toBe(2);
    expect(log).toHaveLength(5);
  });

  it('starts waiting tasks at once when the limit is raised', async () => {
    const { pool, state, tasks } = tasksOn(1, 3);
    await tick();
    expect(state.running).toBe(1);
    pool.setLimit(3);
    await tick();
    expect(state.running).toBe(3);
    tasks.forEach((task) => task.finish());
    await Promise.all(tasks.map((task) => task.done));
  });

  it('passes a task’s result and error through, and frees its place either way', async () => {
    const pool = new Pool(1);
    await expect(pool.run(async () => 7)).resolves.toBe(7);
    await expect(pool.run(async () => Promise.reject(new Error('shard failed')))).rejects.toThrow('shard failed');
    await expect(pool.run(async () => 'next')).resolves.toBe('next');
  });
});
