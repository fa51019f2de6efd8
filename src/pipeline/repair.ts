/**
 * Stage 2, repair layout: undo what PDF extraction did to the text's layout, never to its words.
 *
 * - A page break cuts a paragraph mid-sentence: `…有窒礙難行之處，` + blank line + `可借鏡學習…`,
 *   or mid-word: `…今日決` + blank line + `標，…`. The two parts are joined.
 * - A hard wrap ends a line with two spaces: `請  ⏎公管中心`. The lines are joined.
 * - Trailing white space is dropped (it would make markdown line breaks).
 *
 * A line is joined to the one before it only when the one before does not end a sentence and the
 * line itself does not begin a new unit (a label, a list item, a heading, a field, a speaker). Only
 * white space between the two parts is removed; between two Latin letters or digits one space stays
 * so `Win⏎Ser` does not become one word, and a space the source had next to one stays too
 * (`8 月 19␣␣⏎至 23 日`).
 */
import type { VFile } from 'vfile';
import { TERMINAL, isBareHeaderLabel, isSectionName, readLabel, startsStructure, stripResidue } from './labels.ts';
import { SourceMap } from './source-map.ts';

declare module 'vfile' {
  interface DataMap {
    /** Maps the repaired text (file.value) back to source lines. */
    sourceMap: SourceMap;
    /** The text as read, before repair. */
    sourceText: string;
  }
}

interface Line {
  text: string;
  offset: number;
}

/** Decides whether `next` continues the paragraph that `prev` ends (both as in the source). */
export function continuesParagraph(prev: string, next: string): boolean {
  const prevText = stripResidue(prev);
  if (!prevText || /^\s*(?:#|\|)/.test(prev) || /^\s*\|/.test(next)) return false;
  if (/^\s*(?:\*\*|__).*(?:\*\*|__)\s*$/.test(prev)) return false; // a bold line is a heading
  if (TERMINAL.test(prevText)) return false;
  const label = readLabel(prevText);
  const afterLabel = label ? prevText.slice(label.text.length).trim() : prevText;
  if (isSectionName(afterLabel) || isBareHeaderLabel(afterLabel)) return false;
  return !startsStructure(next);
}

const ASCII_WORD = /[A-Za-z0-9]/;
/** Han characters and CJK punctuation: between two of them a wrap never stood for a space. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Whether a join keeps one space: always between two Latin letters or digits (`Win⏎Ser`), and
 * where the source had white space before the wrap and a Latin letter or digit stands on either
 * side (`8 月 19␣␣⏎至 23 日` is `8 月 19 至 23 日`, as the text spaces its numbers); never between two
 * CJK characters (`請␣␣⏎公管中心`).
 */
function keepsSpace(before: string, after: string, spaced: boolean): boolean {
  if (ASCII_WORD.test(before) && ASCII_WORD.test(after)) return true;
  return spaced && (!CJK.test(before) || !CJK.test(after));
}

/** Repairs the layout of a document's text and records how to map it back to source lines. */
export function repairLayout(source: string): { text: string; map: SourceMap } {
  const map = new SourceMap(source);
  const lines: Line[] = [];
  let offset = 0;
  for (const text of source.split('\n')) {
    lines.push({ text, offset });
    offset += text.length + 1;
  }

  let out = '';
  /** The last non-blank line written (joined parts included) and whether it ended in a hard wrap. */
  let previous: { text: string; hardWrap: boolean; spaced: boolean } | undefined;
  let written = 0;
  let blanks = 0;
  for (const line of lines) {
    const content = line.text.trimEnd();
    if (!content.trim()) {
      blanks++;
      continue;
    }
    // The first line is the title: a page break never falls right after it.
    // Only a page break (blank lines) or a hard wrap (two trailing spaces) cuts a paragraph; a plain
    // line break separates lines that the layout means as lines (name lists, web-page fields).
    const cut = blanks > 0 || previous?.hardWrap;
    if (previous && cut && written > 1 && continuesParagraph(previous.text, content)) {
      // Blank lines are only counted, never written before the next kept line, so `out` still ends
      // where the previous line ended and the join appends (no slicing: slicing a long string is quadratic).
      const indent = content.length - content.trimStart().length;
      const joined = content.trimStart();
      // (`previous.text`, not `out`: reading a character of a long concatenated string flattens it.)
      if (keepsSpace(previous.text.at(-1) ?? '', joined[0] ?? '', previous.spaced)) {
        map.add(out.length, line.offset - 1);
        out += ' ';
      }
      map.add(out.length, line.offset + indent);
      out += joined;
      previous = { text: previous.text + joined, hardWrap: / {2,}$/.test(line.text), spaced: /\s$/.test(line.text) };
    } else {
      // Blank lines between blocks stay: they delimit markdown blocks.
      if (previous) out += '\n'.repeat(1 + blanks);
      map.add(out.length, line.offset);
      out += content;
      previous = { text: content, hardWrap: / {2,}$/.test(line.text), spaced: /\s$/.test(line.text) };
      written++;
    }
    blanks = 0;
  }
  return { text: `${out}\n`, map };
}

/** unified-style stage: replaces `file.value` with the repaired text, keeping the source and its map on `file.data`. */
export function repairFile(file: VFile): VFile {
  const source = String(file.value);
  const { text, map } = repairLayout(source);
  file.data.sourceText = source;
  file.data.sourceMap = map;
  file.value = text;
  return file;
}
