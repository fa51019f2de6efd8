/**
 * The archive's document model: what the pipeline produces from a published file, what the content
 * collections store, what pages render and what `dist/data/` publishes as open data.
 *
 * Every text field holds the document's own characters (layout repaired, words untouched), so a page
 * that renders the labels and texts in order shows everything the source said.
 */

/** A meeting's place in its series: `第 210 次`, or `113 年第 12 次` where numbering restarts yearly. */
export interface Session {
  number: number;
  /** AD year, only for series numbered within a year (`113 年第 12 次` → 2024). */
  year?: number;
  /** As printed: `第210次`, `113 年第 12 次`. */
  label: string;
}

/** A person named with a title: `陳志銘秘書長` → { name: 陳志銘, title: 秘書長 }. */
export interface Person {
  name: string;
  title?: string;
  /** As printed. */
  text: string;
}

/** What a resolution does to a tracked case (列管案件). */
export type CaseAction = 'released' | 'continued' | 'merged' | 'opened';

/** A tracked-case number named in a resolution and what happens to it there. */
export interface CaseRef {
  /** The number as printed (`205-1`, `9805`); a case number says which session opened it. */
  id: string;
  action: CaseAction;
  /** Other case numbers this one was merged with (`205-1 併 208-2`). */
  mergedWith?: string[];
}

/**
 * Who a resolution asks to act (an addressee) or names (a mention):
 * - `agency`: an agency of agencies.yaml (`公管中心`; `交通局公共運輸處` is 公共運輸處);
 * - `unit`: an internal unit (`策略中心`, `總務組`, `財政局支付科`), with the agency it belongs to;
 * - `collective`: all of a kind (`各局處`, `各機關`, `各主秘`, `各組室`);
 * - `self`: the body itself or its people (`本局`, `本處`, `本府`, `本人`, `同仁`);
 * - `external`: a body outside the city government (`新北市資訊中心`, `國稅局`).
 */
export type PartyKind = 'agency' | 'unit' | 'collective' | 'self' | 'external';

/** An addressee of a resolution: named in the grammar of a directive (請X…, 由X負責, X應…, 交X研處, 副知X). */
export interface Addressee {
  kind: PartyKind;
  /** Slug of the agency: the agency itself, a unit's agency, the holding agency for 本局 or its 各組室. */
  agency?: string;
  /** A unit's name in the registry (`國際事務組` for 國務組), or as printed when the registry does not list it. */
  unit?: string;
  /** As printed: `策略中心`, `各組室主管`, `本局`. */
  name: string;
  /** The people asked, when people are: `主秘` (各主秘), `主管` (各組室主管), `同仁`. */
  role?: string;
}

/** A body a resolution names without asking it to act: a venue, a destination, a thank-you, a pilot site. */
export interface Mention {
  kind: 'agency' | 'unit' | 'external';
  agency?: string;
  unit?: string;
  /** As printed. */
  name: string;
}

/** One entry of 會議結論 / 決議 / 主席裁示事項 / 綜合會議結論: what the meeting decided. */
export interface Resolution {
  /** Anchor id on the document page, unique within it: `res-2-1-3`. */
  anchor: string;
  /** Number label as printed (`(一)`, `一、`), empty when the resolution is a single paragraph. */
  label: string;
  /** The resolution's text, sub-entries included (one line each). */
  text: string;
  /** Who is asked to act, in order of appearance; empty when the text names nobody (`請持續精進`). */
  addressees: Addressee[];
  /** Bodies named but not asked to act; never one of the addressees. */
  mentions: Mention[];
  /** Slugs of the agencies asked to act: each addressee's agency (units and 本局 included); never an agency only mentioned. */
  agencies: string[];
  cases: CaseRef[];
  /** Topic slugs whose keywords occur in the text. */
  topics: string[];
  /** Source line (1-based) the resolution starts on. */
  line: number;
}

/** A supplementary report or explanation given under an item: `資訊局陳主秘補充報告：…`. */
export interface SupplementaryReport {
  /** As printed before the colon, minus the verb: `資訊局陳主秘`, `總務組涂組長`. */
  speaker: string;
  /** Role word: `主秘`, `組長`, `主任`. */
  role: string;
  /** Slug of the agency the speaker reports for (the holding body for its internal units). */
  agency?: string;
  /** Internal unit named instead of an agency: `總務組`, `人事室`. */
  unit?: string;
  /** The verb as printed: `補充報告`, `補充說明`. */
  verb: string;
  text: string;
  line: number;
}

/** A table kept as a table (GFM), e.g. a follow-up status table. */
export interface Table {
  header: string[];
  rows: string[][];
  line: number;
}

/**
 * A markdown image in the text (`![圖 1 市民服務量](images/chart.png)`). The reference stays in the
 * text as printed; when it names an image file under `content/`, the page also shows that image.
 */
export interface ImageRef {
  /** The alt text (`圖 1 市民服務量`), markup removed. */
  alt: string;
  /** The path as printed (`images/chart.png`). */
  src: string;
  /** The title in quotes after the path, if any. */
  title?: string;
  /** The whole reference as printed, as it stands in the text. */
  text: string;
  /** The image file under `content/` (`reports/images/chart.png`); absent when the reference names none (see the warnings). */
  path?: string;
  line: number;
}

/** A section, item or sub-item of a document: 貳、報告事項 › 三、本府 e 化統計 › (一)… */
export interface Item {
  /** Anchor id derived from the item's position: `item-2-3` for 貳、三. */
  anchor: string;
  /** Number label as printed: `貳、`, `三、`, `(一)`, `1.`, `(1)`, `•`; empty for unnumbered headings. */
  label: string;
  /** The item's first line after its label. */
  title: string;
  /** Slug of the reporting agency (`（法務局）` after the title). */
  agency?: string;
  /** The reporting agency as printed, brackets included: `（法務局）`, `(研考會)`. */
  agencyText?: string;
  /** Further paragraphs of the item's own text, one per line. */
  text: string;
  /** Agency slugs named in the item's title and text. */
  agencies: string[];
  topics: string[];
  reports: SupplementaryReport[];
  /** The line(s) that opened the resolutions, as printed: `會議結論：`, `決議：`. */
  resolutionHeading?: string;
  resolutions: Resolution[];
  tables: Table[];
  /** Tracked cases whose status a table in this item states. */
  cases: CaseRef[];
  items: Item[];
  /** Images referenced in the item's text, reports or resolutions, in order (absent when none). */
  images?: ImageRef[];
  line: number;
}

/** The previous minutes read at the start of a meeting (宣讀上次紀錄) and what was decided about them. */
export interface PreviousMinutes {
  session?: Session;
  date?: string;
  /** `confirmed` (紀錄確定), `amended` (修正後確定, or amendments listed) or `unknown`. */
  status: 'confirmed' | 'amended' | 'unknown';
  /** Anchor of the item that reads it. */
  anchor: string;
  /** When amended: the resolutions (or lines of the item) that amend, in the document's own words. */
  amendments?: Amendment[];
}

/** A change to the previous minutes as the confirming meeting printed it: `(一) 報告事項三會議結論 (三)「……」部分文字刪除，修改為「……」。` */
export interface Amendment {
  /** Anchor of the resolution, or of the item when the amendment is in its text (`第2129次市政會議紀錄修正後確定。`). */
  anchor: string;
  /** Number label as printed, empty for unnumbered text. */
  label: string;
  text: string;
}

/** Contact person of a report. */
export interface Contact {
  name?: string;
  title?: string;
  phone?: string;
  email?: string;
}

export type DocumentKind = 'minutes' | 'report';

/** A header line kept verbatim, so nothing of the header is lost even when not understood. */
export interface HeaderField {
  /** The field name as printed: `時間`, `開會日期`, `出席人員`. */
  label: string;
  value: string;
  /** The field as printed, number label and brackets included: `一、 時間：113 年 12 月 17 日下午 2 時`. */
  text: string;
  line: number;
}

/** The bytes of a source file as published, described by the read stage so a reader can check them. */
export interface PublishedFile {
  /** Size in bytes. */
  bytes: number;
  /** SHA-256 of the bytes exactly as published (BOM and line endings included), lowercase hex. */
  sha256: string;
  /** The text encoding the file was read in. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'big5';
  /** `text/plain; charset=big5`, `text/markdown; charset=utf-8`. */
  mediaType: string;
}

/** A document's source file: its bytes, where the archive publishes it, and where the original is. */
export interface SourceFile extends PublishedFile {
  /** Site-relative URL the file is published at, byte for byte: `/sources/<id>.txt`. */
  url: string;
  /** The original (PDF, ODT) on the owner's site, when `content/site.yaml` names it under `sources:`. */
  officialUrl?: string;
}

/** One published document: minutes of a meeting, or an agency's achievement report. */
export interface ArchiveDocument {
  /** ASCII id, unique in the archive, derived from the model (organization + series + session, or agency + period). */
  id: string;
  kind: DocumentKind;
  /** The title as printed (markdown residue removed). */
  title: string;
  /** Site-relative page URL (no base path): `/minutes/taipei/chief-secretaries-meeting/210/`. */
  url: string;
  /** Path of the source file under `content/`. */
  source: string;
  /** The source file as published: size, SHA-256, encoding, where it is and where its original is. */
  file: SourceFile;
  /** The body holding the meeting or publishing the report: `臺北市政府`, `臺北市政府秘書處`. */
  organization: string;
  /** Slug of that body when it is an agency in agencies.yaml. */
  organizationAgency?: string;
  /** The series: `主任秘書會報`, `處務會議`, `局務會議`, `施政成果報告`. */
  series: string;
  /** ASCII slug of the series, unique per organization. */
  seriesSlug: string;
  session?: Session;
  /** ISO date of the meeting (minutes) or of the end of the period (reports). */
  date?: string;
  /** The date as printed in the ROC calendar: `民國110年7月22日`. */
  rocDate?: string;
  startTime?: string;
  endTime?: string;
  location?: string;
  chair?: Person;
  recorder?: string;
  attendees?: string;
  observers?: string;
  header: HeaderField[];
  /** Unnumbered text between the header and the first item. */
  intro?: string;
  previous?: PreviousMinutes;
  /** The closing line as printed: `散會（上午 11 時 36 分）`. */
  adjournment?: string;
  items: Item[];
  /** Reports: the period covered. */
  period?: { start: string; end: string };
  dataCutoff?: string;
  published?: string;
  contact?: Contact;
  /** Problems found while reading the document (file:line message). */
  warnings: string[];
}
