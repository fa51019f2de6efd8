/**
 * The site's sections and what each is for: the header navigation shows those marked `nav`, and the
 * site map (網站導覽) lists them all, so a new section added here appears in both.
 */
import { routes } from '../utils/routes.ts';

export interface SiteSection {
  /** Link text, as short as the header allows. */
  label: string;
  /** Site-relative URL. */
  href: string;
  /** What a reader finds there, one sentence. */
  purpose: string;
  /** Shown in the header navigation. */
  nav: boolean;
}

export const siteSections: SiteSection[] = [
  { label: '首頁', href: routes.home(), purpose: '最新收錄的文件，以及依會議、機關、主題與年度瀏覽的入口。', nav: false },
  { label: '文件', href: routes.documents(), purpose: '全部會議紀錄與施政成果報告，依日期排列。', nav: true },
  { label: '會議', href: routes.seriesIndex(), purpose: '各會議系列的歷次紀錄，以及各次會議列管案件的追蹤情形。', nav: true },
  { label: '機關', href: routes.agencies(), purpose: '各機關主持的會議、提出的報告，以及會議請其辦理的事項。', nav: true },
  { label: '主題', href: routes.topics(), purpose: '依施政主題整理的報告事項與會議結論。', nav: true },
  { label: '年度', href: routes.years(), purpose: '依年度瀏覽文件，並比較各年度的收錄數量。', nav: true },
  { label: '人員', href: routes.people(), purpose: '會議主席、紀錄與報告人員，以及其出現的會議紀錄。', nav: true },
  { label: '收錄範圍', href: routes.coverage(), purpose: '各會議系列已收錄與尚缺的場次。', nav: false },
  { label: '搜尋', href: routes.search(), purpose: '搜尋全部文件的全文，可依類型、會議、機關、年度與主題篩選。', nav: false },
  { label: '開放資料', href: '/data/', purpose: '可下載的資料檔案：各檔案的內容、欄位、更新頻率與引用方式。', nav: false },
];

/** Files for programs and feed readers, listed on the site map and the open-data declaration. */
export const dataFiles = [
  {
    label: '資料集說明（Data Package）',
    href: '/data/datapackage.json',
    purpose: '全部資料檔案的位置、格式、欄位與結構說明，以及授權與管理機關（Frictionless Data Package 格式）。',
  },
  { label: '文件清單（JSON）', href: '/data/index.json', purpose: '全部文件的清單，以及資料集的授權、管理機關、更新頻率與聯絡人。' },
  { label: '會議結論一覽（CSV）', href: '/data/resolutions.csv', purpose: '每則會議結論一列，UTF-8 編碼（含 BOM），可直接以試算表軟體開啟。' },
  { label: '資料結構說明（JSON Schema）', href: '/data/schema/index.json', purpose: '文件清單的結構說明；單份文件的結構說明見 data/schema/document.json。' },
  {
    label: '最新文件（RSS）',
    href: '/feed.xml',
    purpose: '最新 50 份文件的訂閱來源；各會議、機關、主題、列管案件與人員的頁面另有各自的「訂閱（RSS）」連結，各會議另有會議行事曆（iCalendar）。',
  },
  { label: '網站地圖（XML）', href: '/sitemap-index.xml', purpose: '全站網頁清單，供搜尋引擎使用。' },
] as const;
