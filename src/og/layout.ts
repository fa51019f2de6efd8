/**
 * Line breaking of the card texts, in plain TypeScript: the few rules a title of the archive needs
 * (rather than all of UAX #14), with balanced lines like CSS `text-wrap: balance` and an ellipsis
 * like `line-clamp`. Texts arrive as characters (code points) with their advances in px, so this
 * module knows nothing of fonts and is tested with made-up widths.
 */

/** Characters a line never starts with: closing brackets and marks that belong to what precedes them. */
const CLOSING = new Set([
  ...'，、。．：；！？）」』〉》】〕〗〙〛〞％…‥・ー々〻゛゜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ',
  ...'’”',
  // Half-width and small forms.
  ...',.:;!?)]}%｡､｣･',
  ...'﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞',
]);

/** Characters a line never ends with: opening brackets. */
const OPENING = new Set([...'（「『〈《【〔〖〘〚〝', ...'‘“', ...'([{｢', ...'﹙﹛﹝']);

const NBSP = '\u00a0';

/** Whether a line may break around this character at will: CJK ideographs, kana, CJK and full-width punctuation. */
function isCjk(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) || // radicals, CJK punctuation, kana, bopomofo, ideographs (ext. A and URO)
    (code >= 0xac00 && code <= 0xd7af) || // Hangul syllables
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0xfe30 && code <= 0xfe6f) || // CJK compatibility and small forms
    (code >= 0xff00 && code <= 0xffef) || // full- and half-width forms
    (code >= 0x20000 && code <= 0x3ffff) || // ideographs beyond the BMP
    code === 0x2026 || // … and ‥: CJK text sets them as CJK punctuation
    code === 0x2025
  );
}

const isSpace = (char: string) => char === ' ';

/**
 * Whether a line may break between `before` and `after`: after a space, or next to a CJK character
 * or punctuation, unless `after` may not start a line or `before` may not end one. Latin letters,
 * digits and their punctuation (`(SCS)`, `2024-12-05`) stay together, as do characters joined by a
 * no-break space (`第 224 次`).
 */
export function canBreakBetween(before: string, after: string): boolean {
  if (CLOSING.has(after) || OPENING.has(before) || before === NBSP || after === NBSP) return false;
  if (isSpace(before)) return true;
  if (isSpace(after)) return false; // the break is after the space, which then hangs
  return isCjk(before.codePointAt(0)!) || isCjk(after.codePointAt(0)!);
}

/** A line: characters `[start, end)` of the text, trailing spaces left out; `ellipsis` when cut short. */
export interface Line {
  start: number;
  end: number;
  width: number;
  ellipsis?: boolean;
}

/** Break opportunities: `breaks[i]` when a line may start at character `i`. Computed once per text. */
export function breakOpportunities(chars: readonly string[]): Uint8Array {
  const breaks = new Uint8Array(chars.length + 1);
  // The last character before the spaces: an opening bracket keeps the spaces after it too (`（ 一`).
  let lastInk = '';
  for (let i = 1; i < chars.length; i++) {
    if (!isSpace(chars[i - 1])) lastInk = chars[i - 1];
    breaks[i] = canBreakBetween(chars[i - 1], chars[i]) && !OPENING.has(lastInk) ? 1 : 0;
  }
  breaks[chars.length] = 1;
  return breaks;
}

/** Whether a run broken anywhere (see `wrapGreedy`) may still break before character `i`. */
const punctuationAllows = (chars: readonly string[], i: number) => !CLOSING.has(chars[i]) && !OPENING.has(chars[i - 1]);

/** Width of `[start, end)` without its trailing spaces, and where those spaces start. */
function trimEnd(chars: readonly string[], widths: readonly number[], start: number, end: number, width: number) {
  while (end > start && isSpace(chars[end - 1])) width -= widths[--end];
  return { end, width };
}

/**
 * Greedy wrapping at `maxWidth`: each line takes the most characters up to a break opportunity
 * that fit (trailing spaces hang and don't count). A run with no break opportunity that is wider
 * than a whole line is broken anywhere (`overflow-wrap: anywhere`), at least one character a line.
 */
export function wrapGreedy(chars: readonly string[], widths: readonly number[], maxWidth: number, breaks = breakOpportunities(chars)): Line[] {
  const lines: Line[] = [];
  const n = chars.length;
  let start = 0;
  while (start < n && isSpace(chars[start])) start++;
  while (start < n) {
    let width = 0;
    // The last break opportunity that fits, and the line's width up to it.
    let fitEnd = -1;
    let fitWidth = 0;
    let i = start;
    for (; i < n; i++) {
      if (i > start && breaks[i]) {
        fitEnd = i;
        fitWidth = width;
      }
      // Spaces hang past the line's end.
      if (width + widths[i] > maxWidth && !isSpace(chars[i]) && i > start) break;
      width += widths[i];
    }
    let end: number;
    if (i === n) {
      end = n;
    } else if (fitEnd > start) {
      end = fitEnd;
      width = fitWidth;
    } else {
      // Nothing to break at on this line: break the run where it overflows, or a little earlier
      // to keep punctuation with its character.
      end = i;
      while (end > start + 1 && !punctuationAllows(chars, end)) end--;
      if (!punctuationAllows(chars, end)) end = i;
      for (let j = end; j < i; j++) width -= widths[j];
    }
    const trimmed = trimEnd(chars, widths, start, end, width);
    lines.push({ start, end: trimmed.end, width: trimmed.width });
    start = end;
    while (start < n && isSpace(chars[start])) start++;
  }
  return lines;
}

/**
 * `text-wrap: balance`: the fewest lines greedy wrapping needs at `maxWidth`, then the narrowest
 * width (to the pixel) that keeps that many, so the lines come out of similar length.
 */
export function wrapBalanced(chars: readonly string[], widths: readonly number[], maxWidth: number, breaks = breakOpportunities(chars)): Line[] {
  const lines = wrapGreedy(chars, widths, maxWidth, breaks);
  if (lines.length < 2) return lines;
  // Greedy line counts only fall as the width grows, so a binary search finds the narrowest.
  let low = 0;
  let high = Math.ceil(maxWidth);
  let best = lines;
  while (low + 1 < high) {
    const middle = (low + high) >> 1;
    const candidate = wrapGreedy(chars, widths, middle, breaks);
    if (candidate.length <= lines.length) {
      high = middle;
      best = candidate;
    } else low = middle;
  }
  return best;
}

/**
 * Cuts the characters `[start, end)` so that they and an ellipsis of `ellipsisWidth` fit in
 * `maxWidth`, dropping spaces before the ellipsis: the last line of a clamped title, or a
 * single-line text too long for its box.
 */
export function withEllipsis(chars: readonly string[], widths: readonly number[], line: Line, maxWidth: number, ellipsisWidth: number): Line {
  let { end, width } = line;
  while (end > line.start && width + ellipsisWidth > maxWidth) width -= widths[--end];
  ({ end, width } = trimEnd(chars, widths, line.start, end, width));
  return { start: line.start, end, width: width + ellipsisWidth, ellipsis: true };
}

export interface ParagraphOptions {
  maxWidth: number;
  /** Lines kept; the last one kept ends with an ellipsis when the text needs more. */
  maxLines: number;
  balance: boolean;
  ellipsisWidth: number;
}

/**
 * The lines of a paragraph: balanced when asked and when they all fit in `maxLines` (balancing the
 * lines of a clamped text would only narrow the lines shown), else greedy and clamped with an
 * ellipsis at the end of the last line kept.
 */
export function layoutParagraph(chars: readonly string[], widths: readonly number[], options: ParagraphOptions): Line[] {
  const { maxWidth, maxLines, balance, ellipsisWidth } = options;
  const breaks = breakOpportunities(chars);
  const greedy = wrapGreedy(chars, widths, maxWidth, breaks);
  if (greedy.length <= maxLines) return balance ? wrapBalanced(chars, widths, maxWidth, breaks) : greedy;
  const kept = greedy.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(chars, widths, kept[maxLines - 1], maxWidth, ellipsisWidth);
  return kept;
}

/** A single-line text (site name, series, date): the whole of it, or as much as fits before an ellipsis. */
export function layoutSingleLine(chars: readonly string[], widths: readonly number[], maxWidth: number, ellipsisWidth: number): Line {
  let width = 0;
  for (const w of widths) width += w;
  const line = { start: 0, ...trimEnd(chars, widths, 0, chars.length, width) };
  return line.width <= maxWidth ? line : withEllipsis(chars, widths, line, maxWidth, ellipsisWidth);
}
