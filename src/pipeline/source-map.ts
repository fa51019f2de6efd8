/**
 * Maps offsets in repaired text back to the source file, so every message names the line the
 * publisher sees in their file, even after page breaks and hard wraps were joined.
 */

export interface Point {
  line: number;
  column: number;
  offset: number;
}

interface Segment {
  /** Offset in the repaired text where the segment starts. */
  out: number;
  /** Offset in the source where the same characters start. */
  src: number;
}

export class SourceMap {
  private readonly segments: Segment[] = [];
  private readonly lineStarts: number[];

  constructor(source: string) {
    this.lineStarts = [0];
    for (let i = 0; i < source.length; i++) if (source[i] === '\n') this.lineStarts.push(i + 1);
  }

  /** Records that repaired text from `out` on copies source text from `src` on. */
  add(out: number, src: number): void {
    const last = this.segments.at(-1);
    if (last && last.out === out) last.src = src;
    else this.segments.push({ out, src });
  }

  /** The source offset of a repaired-text offset. */
  toSourceOffset(out: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    if (hi < 0) return out;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid]!.out <= out) lo = mid;
      else hi = mid - 1;
    }
    const segment = this.segments[lo]!;
    return segment.src + Math.max(0, out - segment.out);
  }

  /** Line and column (1-based) of a source offset. */
  pointAtSource(offset: number): Point {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1, offset };
  }

  /** Source line and column of a repaired-text offset. */
  point(out: number): Point {
    return this.pointAtSource(this.toSourceOffset(out));
  }
}
