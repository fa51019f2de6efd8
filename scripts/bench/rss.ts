/**
 * Resident memory of a process tree, by polling /proc (Linux). `/usr/bin/time -v` gives one number,
 * the largest RSS of any process of the tree; the samples say which process it was (Astro's node, or
 * the pagefind binary Pagefind's Node API and CLI start) and what the processes held together.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';

export type ProcessKind = 'node' | 'pagefind' | 'other';

export interface ProcessPeak {
  pid: number;
  /** argv[0]'s name, and for node the script's: `node astro.mjs`, `pagefind_extended`. */
  name: string;
  kind: ProcessKind;
  peakKb: number;
}

export interface RssSummary {
  /** The largest sum over the tree's processes at one sample. */
  peakSumKb: number;
  /** The largest RSS of one process of each kind (0 when none ran). */
  peakNodeKb: number;
  peakPagefindKb: number;
  processes: ProcessPeak[];
  samples: number;
}

const PAGE_KB = 4; // x86-64 and arm64 Linux pages; /proc/<pid>/statm counts pages

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/** Parent of every running process. The command name in `stat` may hold spaces and parentheses: parse after the last `)`. */
function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  return children;
}

function describe(pid: number): { name: string; kind: ProcessKind } | undefined {
  const argv = (read(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean);
  if (!argv.length) return undefined; // exiting (a zombie has no command line)
  const program = basename(argv[0] ?? '?');
  if (argv.some((arg) => basename(arg).startsWith('pagefind_'))) return { name: program, kind: 'pagefind' };
  if (program === 'node' || program.startsWith('node')) return { name: `node ${basename(argv[1] ?? '')}`.trim(), kind: 'node' };
  return { name: program, kind: 'other' };
}

export interface RssSampler {
  /** The tree's RSS at the last sample, for progress lines. */
  currentKb: () => number;
  stop: () => RssSummary;
}

/** Samples `rootPid` and its descendants every `intervalMs` until stopped. */
export function sampleRss(rootPid: number, intervalMs = 200): RssSampler {
  const peaks = new Map<number, ProcessPeak>();
  let peakSumKb = 0;
  let currentKb = 0;
  let samples = 0;
  const sample = () => {
    const children = parents();
    const tree = [rootPid];
    for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
    let sum = 0;
    for (const pid of tree) {
      const statm = read(`/proc/${pid}/statm`);
      if (!statm) continue;
      const kb = Number(statm.split(' ')[1]) * PAGE_KB;
      sum += kb;
      // Described again each time: a child seen between fork and exec still shows its parent's command.
      const previous = peaks.get(pid);
      const peak = { pid, name: '?', kind: 'other' as ProcessKind, ...previous, ...describe(pid), peakKb: Math.max(kb, previous?.peakKb ?? 0) };
      peaks.set(pid, peak);
    }
    currentKb = sum;
    peakSumKb = Math.max(peakSumKb, sum);
    samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    currentKb: () => currentKb,
    stop: () => {
      clearInterval(timer);
      const processes = [...peaks.values()].sort((a, b) => b.peakKb - a.peakKb);
      const peakOf = (kind: ProcessKind) => Math.max(0, ...processes.filter((process) => process.kind === kind).map((process) => process.peakKb));
      return { peakSumKb, peakNodeKb: peakOf('node'), peakPagefindKb: peakOf('pagefind'), processes, samples };
    },
  };
}
