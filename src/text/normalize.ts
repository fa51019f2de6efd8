/**
 * Text folding for matching (never for display): NFKC turns full-width letters and digits into
 * half-width, and the common variant pairs of the documents are folded (臺→台), so `台北通` matches
 * `臺北通` and `ＣＯＶＩＤ－１９` matches `COVID-19`.
 */

/** Variant characters folded to one form, as they alternate in the city's texts. */
export const VARIANTS: Record<string, string> = {
  臺: '台',
  綫: '線',
  峯: '峰',
  裏: '裡',
  衆: '眾',
  爲: '為',
  僞: '偽',
  啓: '啟',
  册: '冊',
  敍: '敘',
  凃: '涂',
  麪: '麵',
  羣: '群',
  眞: '真',
  户: '戶',
  温: '溫',
  内: '內',
  鄕: '鄉',
  卽: '即',
  旣: '既',
  硏: '研',
  舘: '館',
  濶: '闊',
  秘: '祕',
};

const VARIANT_PATTERN = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'g');

/** Folds text for matching: NFKC, variants, lower case. Keeps length-independent meaning only. */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(VARIANT_PATTERN, (c) => VARIANTS[c] ?? c)
    .toLowerCase();
}
