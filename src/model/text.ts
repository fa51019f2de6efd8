/**
 * The text of a document in reading order, as its page shows it: title, header, intro, then each
 * item (label, title, agency, text, tables, sub-items, reports, resolutions) and the closing line.
 * The nothing-lost check compares this with the source file.
 */
import type { ArchiveDocument, Item } from './types.ts';

function itemText(item: Item, out: string[]): void {
  out.push(`${item.label}${item.title}${item.agencyText ?? ''}`, item.text);
  for (const table of item.tables) out.push(...table.header, ...table.rows.flat());
  for (const child of item.items) itemText(child, out);
  for (const report of item.reports) out.push(`${report.speaker}${report.verb}：${report.text}`);
  if (item.resolutionHeading) out.push(item.resolutionHeading);
  for (const resolution of item.resolutions) out.push(`${resolution.label}${resolution.text}`);
}

/** Every text of the document, in page order. */
export function documentText(document: ArchiveDocument): string[] {
  const out = [document.title];
  for (const field of document.header) out.push(field.text);
  if (document.intro) out.push(document.intro);
  for (const item of document.items) itemText(item, out);
  if (document.adjournment) out.push(document.adjournment);
  return out.filter(Boolean);
}
