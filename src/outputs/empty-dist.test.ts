import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftovers, moveAside, removeInBackground } from './empty-dist.ts';

/** A built site with a page, a nested folder and a .git of a deployment. */
function site(): string {
  const dist = join(mkdtempSync(join(tmpdir(), 'empty-dist-')), 'dist');
  mkdirSync(join(dist, 'minutes', '210'), { recursive: true });
  mkdirSync(join(dist, '.git'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html>');
  writeFileSync(join(dist, 'minutes', '210', 'index.html'), '<!doctype html>');
  writeFileSync(join(dist, '.git', 'HEAD'), 'ref: refs/heads/main');
  return dist;
}

const until = async (done: () => boolean) => {
  for (let tries = 0; tries < 100 && !done(); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
  return done();
};

describe('emptying the output folder', () => {
  it('leaves only .git, moves the rest beside it, and a detached process deletes that', async () => {
    const dist = site();
    const aside = moveAside(dist)!;
    expect(readdirSync(dist)).toEqual(['.git']);
    expect(readdirSync(aside).sort()).toEqual(['index.html', 'minutes']);
    expect(leftovers(dist)).toEqual([aside]);
    removeInBackground([aside]);
    expect(await until(() => !existsSync(aside))).toBe(true);
    expect(leftovers(dist)).toEqual([]);
    expect(existsSync(join(dist, '.git', 'HEAD'))).toBe(true);
  });

  it('does nothing to a missing or empty folder', () => {
    const parent = mkdtempSync(join(tmpdir(), 'empty-dist-'));
    expect(moveAside(join(parent, 'dist'))).toBeUndefined();
    mkdirSync(join(parent, 'dist'));
    expect(moveAside(join(parent, 'dist'))).toBeUndefined();
    expect(leftovers(join(parent, 'dist'))).toEqual([]);
  });
});
