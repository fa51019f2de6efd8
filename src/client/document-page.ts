/**
 * The document page's only script, loaded from the site (the CSP forbids inline script) and not
 * needed to read: copy buttons for the permanent links, and the landing on a resolution's anchor.
 */
import { enhancePermalinks, keepHeadingInView } from './permalinks.ts';

const article = document.querySelector<HTMLElement>('article.document');
if (article) {
  enhancePermalinks(article);
  keepHeadingInView();
  addEventListener('hashchange', keepHeadingInView);
}
