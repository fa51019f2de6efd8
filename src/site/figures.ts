/**
 * An item's text cut around the images it shows, so a page puts each figure where its reference
 * stands in the text. An image whose reference is elsewhere under the item (a report, a resolution,
 * a table) follows the text: its reference stays text where it is, and the figure still shows.
 */
import type { ImageRef, Item } from '../model/types.ts';

export type TextPart = { text: string } | { image: ImageRef };

export function withFigures(text: string, images: ImageRef[] = []): TextPart[] {
  const parts: TextPart[] = [];
  const after: TextPart[] = [];
  let cursor = 0;
  const pushText = (slice: string) => {
    // Only the line breaks around a figure go: the figure is a block of its own.
    const trimmed = slice.replace(/^\n/, '').replace(/\n$/, '');
    if (trimmed.trim()) parts.push({ text: trimmed });
  };
  for (const image of images) {
    if (!image.path) continue; // not a file the archive holds: its reference is text, and a warning says why
    const at = text.indexOf(image.text, cursor);
    if (at < 0) {
      after.push({ image });
      continue;
    }
    pushText(text.slice(cursor, at));
    parts.push({ image });
    cursor = at + image.text.length;
  }
  pushText(text.slice(cursor));
  return [...parts, ...after];
}

/** Whether items (or their sub-items) show an image the archive holds. */
export const showsImages = (items: Item[]): boolean => items.some((item) => item.images?.some((image) => image.path) || showsImages(item.items));
