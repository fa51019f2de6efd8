/**
 * The document page's only script, loaded from the site (the CSP forbids inline script) and not
 * needed to read: copy buttons for the permanent links, the landing on a resolution's anchor, and
 * the query's terms marked when the page is opened from a search result.
 */
import { highlightQuery } from './highlight.ts';
import { enhancePermalinks, keepHeadingInView } from './permalinks.ts';

const article = document.querySelector<HTMLElement>('article.document');
if (article) {
  enhancePermalinks(article);
  keepHeadingInView();
  highlightQuery(article, article.dataset.search ?? '/search/');
  addEventListener('hashchange', keepHeadingInView);
}
