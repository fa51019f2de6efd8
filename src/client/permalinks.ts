/**
 * Permanent links on a document page, enhanced: beside every item's and resolution's label link a
 * button that copies a citation with the link (src/site/citation.ts). The button takes over the
 * link's Tab stop, so keyboard users still meet one stop per item or resolution; the link stays for
 * pointers and for pages without this script. Landing on a resolution's anchor, the page keeps the
 * item's heading (made sticky by the stylesheet) above it, not over it.
 */
import { citation } from '../site/citation.ts';

const TITLE_CHARS = 20;

/** The label of an item or resolution element, or what names it when it has none. */
function labelOf(element: Element): string {
  const link = element.querySelector(':scope > .ih .pl, :scope > p .pl');
  if (link && !link.hasAttribute('aria-label')) return link.textContent ?? '';
  if (!element.classList.contains('item')) return '會議結論';
  const heading = element.querySelector(':scope > .ih')?.cloneNode(true) as Element | undefined;
  heading?.querySelectorAll('.path, .pl, button').forEach((node) => node.remove());
  return (heading?.textContent ?? '').trim().slice(0, TITLE_CHARS);
}

/** Labels from the top of the document down to the element. */
function labelsOf(element: Element): string[] {
  const labels: string[] = [];
  for (let node: Element | null = element; node; node = node.parentElement?.closest('li.item') ?? null) labels.unshift(labelOf(node));
  return labels;
}

/** Copies text to the clipboard; falls back to a selection for browsers without the Clipboard API here. */
async function copy(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  const area = document.createElement('textarea');
  area.value = text;
  document.body.append(area);
  area.select();
  const done = document.execCommand('copy');
  area.remove();
  if (!done) throw new Error('copy refused');
}

export function enhancePermalinks(article: HTMLElement): void {
  const title = article.querySelector('h1')?.textContent?.trim() ?? document.title;
  const date = article.dataset.date;
  const page = (document.querySelector('link[rel="canonical"]') as HTMLLinkElement | null)?.href ?? location.href.replace(/[?#].*$/, '');
  const status = document.createElement('p');
  status.className = 'sr-only';
  status.setAttribute('role', 'status');
  article.append(status);

  for (const target of article.querySelectorAll<HTMLElement>('li.item, .res > li')) {
    const link = target.querySelector<HTMLAnchorElement>(':scope > .ih .pl, :scope > p .pl');
    if (!link) continue;
    const labels = labelsOf(target);
    const text = citation({ title, labels, ...(date ? { date } : {}), url: `${page.replace(/#.*$/, '')}#${target.id}` });
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.setAttribute('aria-label', `複製${labels.join('').replace(/、$/, '')}的連結與引用`);
    button.title = '複製連結與引用';
    button.dataset.citation = text;
    button.addEventListener('click', () => {
      copy(text).then(
        () => {
          button.dataset.done = '';
          status.textContent = `已複製引用：${text}`;
          setTimeout(() => delete button.dataset.done, 2000);
        },
        () => (status.textContent = `無法複製，請手動複製：${text}`),
      );
    });
    link.tabIndex = -1;
    link.parentElement!.append(button);
  }
}

/**
 * Scrolls a targeted resolution so its item's sticky heading sits above it: the stylesheet's
 * scroll margin is a guess for headings of one to three lines; here the heading's height is known.
 */
export function keepHeadingInView(): void {
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (!target?.matches('.res > li')) return;
  const heading = target.closest('li.item')?.querySelector<HTMLElement>(':scope > .ih');
  if (!heading) return;
  target.style.scrollMarginTop = `${heading.offsetHeight + 8}px`;
  target.scrollIntoView({ block: 'start' });
}
