/**
 * Stage 3, parse: the repaired text as markdown (CommonMark + GFM tables), with remark-parse.
 *
 * The published texts carry markdown residue (`- (一)` list markers, `**bold**`, `####` headings) and
 * sometimes real GFM tables (follow-up status tables); parsing them as markdown tells residue from text.
 * remark-cjk-friendly makes `**會議結論：**同意` bold as its author meant: CommonMark alone leaves
 * those asterisks in the text when punctuation meets a CJK character.
 */
import type { Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly);

/** Parses a repaired file's text into an mdast tree (positions are offsets in the repaired text). */
export function parseMarkdown(file: VFile): Root {
  return parser.runSync(parser.parse(file), file) as Root;
}
