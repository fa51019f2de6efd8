import { describe, expect, it } from 'vitest';
import { canBreakBetween, layoutParagraph, layoutSingleLine, wrapBalanced, wrapGreedy, type Line } from './layout.ts';

/** Made-up advances: CJK 10, anything else 6, spaces 3. */
function measure(text: string) {
  const chars = [...text];
  const widths = chars.map((char) => (char === ' ' ? 3 : char.codePointAt(0)! >= 0x2e80 ? 10 : 6));
  return { chars, widths };
}

const texts = (chars: string[], lines: Line[]) => lines.map((line) => chars.slice(line.start, line.end).join('') + (line.ellipsis ? '…' : ''));

function wrap(text: string, maxWidth: number, balance = false) {
  const { chars, widths } = measure(text);
  return texts(chars, (balance ? wrapBalanced : wrapGreedy)(chars, widths, maxWidth));
}

describe('canBreakBetween', () => {
  it('breaks around CJK characters, not inside Latin words or no-break-space runs', () => {
    expect(canBreakBetween('會', '議')).toBe(true);
    expect(canBreakBetween('3', '年')).toBe(true);
    expect(canBreakBetween('a', 'b')).toBe(false);
    expect(canBreakBetween('1', '\u00a0')).toBe(false);
    expect(canBreakBetween('\u00a0', '年')).toBe(false);
    expect(canBreakBetween(' ', 'a')).toBe(true);
    expect(canBreakBetween('a', ' ')).toBe(false);
  });

  it('never breaks before closing punctuation nor after opening punctuation', () => {
    for (const closing of '，、。．：；！？）」』〉》】〕％…,.)%') expect(canBreakBetween('會', closing)).toBe(false);
    for (const opening of '（「『〈《【〔(') expect(canBreakBetween(opening, '會')).toBe(false);
  });
});

describe('wrapGreedy', () => {
  it('puts punctuation on the line of the character it belongs to', () => {
    // Five characters fit a line of 50; the comma may not start the next one, so 五 moves down with it.
    expect(wrap('一二三四五，六七', 50)).toEqual(['一二三四', '五，六七']);
    expect(wrap('一二三四五。', 50)).toEqual(['一二三四', '五。']);
    expect(wrap('一二三四五）六', 50)).toEqual(['一二三四', '五）六']);
    // The opening bracket would fit the first line but may not end it: it moves down with 六.
    expect(wrap('一二三四（六七', 50)).toEqual(['一二三四', '（六七']);
  });

  it('follows the rules on any text whose runs fit a line', () => {
    // Pieces that make short unbreakable runs: a character with its punctuation, a short word.
    const pieces = ['會', '議', '紀', '錄', '臺北', '市政府', '會，', '議、', '錄。', '府：', '（市', '「議', '政）', '北」', ' ', 'ab', '113'];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 5 + Math.floor(random() * 30) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const { chars, widths } = measure(text);
      const maxWidth = 40 + Math.floor(random() * 100);
      const lines = wrapGreedy(chars, widths, maxWidth);
      for (const [i, line] of texts(chars, lines).entries()) {
        if (i > 0) expect('，、。：）」', text).not.toContain(line[0]);
        if (i < lines.length - 1) expect('（「', text).not.toContain(line.at(-1));
        expect(line).toBe(line.trim()); // spaces at a line's ends are dropped
      }
      for (const line of lines) expect(line.width).toBeLessThanOrEqual(maxWidth);
    }
  });

  it('keeps Latin words and no-break-space runs whole, breaking at spaces', () => {
    expect(wrap('Smart City Summit', 70)).toEqual(['Smart City', 'Summit']);
    const lines = wrap('臺北市政府秘書處113\u00a0年第\u00a0224\u00a0次會議紀錄', 100);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.some((line) => line.includes('第\u00a0224\u00a0次'))).toBe(true);
    expect(lines.some((line) => line.includes('113\u00a0年'))).toBe(true);
  });

  it('breaks a run wider than the line anywhere', () => {
    const lines = wrap('A'.repeat(30), 40);
    expect(lines).toEqual(['AAAAAA', 'AAAAAA', 'AAAAAA', 'AAAAAA', 'AAAAAA']);
  });
});

describe('wrapBalanced', () => {
  it('keeps the fewest lines and makes them of similar width', () => {
    const text = '臺北市政府資訊局一一三年第十二次局務會議紀錄'; // 22 characters, 220 wide
    expect(wrap(text, 150)).toEqual([text.slice(0, 15), text.slice(15)]);
    const balanced = wrap(text, 150, true);
    expect(balanced).toEqual([text.slice(0, 11), text.slice(11)]);
  });

  it('leaves a text that fits one line alone', () => {
    expect(wrap('主任秘書會報', 150, true)).toEqual(['主任秘書會報']);
  });
});

describe('layoutParagraph', () => {
  it('clamps a long text with an ellipsis at the end of the last line kept', () => {
    const { chars, widths } = measure('會議紀錄'.repeat(25));
    const lines = layoutParagraph(chars, widths, { maxWidth: 95, maxLines: 3, balance: true, ellipsisWidth: 10 });
    expect(lines).toHaveLength(3);
    expect(lines.slice(0, 2).map((line) => line.ellipsis)).toEqual([undefined, undefined]);
    expect(lines[2].ellipsis).toBe(true);
    expect(lines[2].width).toBeLessThanOrEqual(95);
    // Nine characters a line; the last line kept gives one up for the ellipsis.
    expect(texts(chars, lines)).toEqual(['會議紀錄會議紀錄會', '議紀錄會議紀錄會議', '紀錄會議紀錄會議…']);
  });

  it('balances the lines when they all fit', () => {
    const { chars, widths } = measure('會議紀錄'.repeat(5));
    const lines = layoutParagraph(chars, widths, { maxWidth: 150, maxLines: 3, balance: true, ellipsisWidth: 10 });
    expect(lines.map((line) => line.width)).toEqual([100, 100]);
  });
});

describe('layoutSingleLine', () => {
  it('cuts a line too long with an ellipsis, dropping the space before it', () => {
    const { chars, widths } = measure('局務會議 第12次');
    expect(texts(chars, [layoutSingleLine(chars, widths, 200, 10)])).toEqual(['局務會議 第12次']);
    expect(texts(chars, [layoutSingleLine(chars, widths, 50, 10)])).toEqual(['局務會議…']);
  });
});
