/**
 * `dist/data/datapackage.json`: the open data as a Frictionless Data Package (v2,
 * https://datapackage.org/standard/data-package/), so that a data user's tools (frictionless-py,
 * the R package, data portals) find every file, its format, its fields and its licence in one
 * descriptor. The CSV is a tabular resource with a Table Schema whose fields are the CSV's columns;
 * the JSON files are resources that name their JSON Schema (data/schema/*.json). Licence, publisher,
 * contact and update frequency come from content/site.yaml. Paths are relative to data/, so the
 * package works wherever the site is hosted.
 */
import type { ArchiveDocument } from '../model/types.ts';
import type { SiteIdentity } from '../schemas/site.ts';
import { figureFields } from './figures-csv.ts';
import { RESOLUTION_COLUMNS } from './resolutions-csv.ts';

export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

/** A Table Schema field (https://datapackage.org/standard/table-schema/), with a Chinese title for people. */
export interface TableField {
  name: string;
  type: 'string' | 'integer' | 'date' | 'list';
  title: string;
  description: string;
  format?: 'uri';
  /** `list` fields: several values in one cell. */
  delimiter?: string;
  itemType?: 'string';
  constraints?: { required?: boolean; unique?: boolean };
}

type ResolutionColumn = (typeof RESOLUTION_COLUMNS)[number];

const list = { type: 'list', delimiter: ';', itemType: 'string' } as const;

/**
 * What each column of resolutions.csv holds. Keyed by column, so a column added to
 * RESOLUTION_COLUMNS does not compile until it is described here too.
 */
const RESOLUTION_FIELDS: Record<ResolutionColumn, Omit<TableField, 'name'>> = {
  document_id: { type: 'string', title: '文件識別碼', description: '文件的識別碼，與 data/documents/<id>.json 的檔名相同', constraints: { required: true } },
  document_title: { type: 'string', title: '文件標題', description: '文件標題，依原文' },
  date: { type: 'date', title: '日期', description: '會議日期；施政成果報告為期間的最後一日' },
  series: { type: 'string', title: '系列', description: '會議或報告系列，例如「主任秘書會報」' },
  session: { type: 'string', title: '會次', description: '會次，依原文，例如「第210次」' },
  item_label: { type: 'string', title: '項次編號', description: '結論所屬項次的編號，依原文，例如「一、」' },
  item_title: { type: 'string', title: '項次標題', description: '結論所屬項次的標題，依原文' },
  resolution_label: { type: 'string', title: '結論編號', description: '結論的編號，依原文，例如「(一)」；單段結論為空白' },
  text: { type: 'string', title: '結論內容', description: '會議結論（決議、主席裁示）全文，依原文，保留換行', constraints: { required: true } },
  agencies: { ...list, title: '受指示機關', description: '結論指示辦理的機關代碼（content/agencies.yaml），含所屬單位及「本局」所指機關；僅提及的機關不列' },
  addressees: {
    ...list,
    title: '受指示對象',
    description:
      '結論指示辦理的對象，「類別:名稱」，名稱依原文（agency 機關、unit 內部單位、collective 各機關等、self 本機關或同仁、external 府外機關），例如「unit:策略中心」',
  },
  mentions: { ...list, title: '提及對象', description: '結論提及但未指示辦理的機關或單位（地點、送達對象、致謝、試辦單位），「類別:名稱」' },
  cases: {
    ...list,
    title: '列管案件',
    description: '結論提及的列管案件，每案一次，「案號:處理方式」（released 解除列管、continued 賡續列管、merged 併案、opened 新增列管、mentioned 僅提及）',
  },
  topics: { ...list, title: '主題', description: '結論所屬主題代碼（content/topics.yaml）' },
  url: { type: 'string', format: 'uri', title: '固定網址', description: '結論在文件頁上的固定網址，可直接引用', constraints: { required: true, unique: true } },
};

/** The Table Schema fields of resolutions.csv, in column order. */
export const resolutionFields = (): TableField[] => RESOLUTION_COLUMNS.map((name) => ({ name, ...RESOLUTION_FIELDS[name] }));

export interface DataPackageOptions {
  site: SiteIdentity;
  /** Absolute URL of the data folder's landing page (`https://host/base/data/`): the package's homepage and id. */
  dataUrl: string;
  documents: ArchiveDocument[];
}

/** A package name from the site's host: lowercase ASCII, `.`, `-`, `_` only. */
const packageName = (url: string) => `${new URL(url).hostname.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}-minutes-archive`;

export function dataPackage({ site, dataUrl, documents }: DataPackageOptions): Record<string, unknown> {
  return {
    $schema: DATA_PACKAGE_PROFILE,
    name: packageName(dataUrl),
    id: new URL('datapackage.json', dataUrl).href,
    title: site.name,
    description: `${site.owner.name}公開之會議紀錄與施政成果報告：每則會議結論一列的 CSV、文件清單，以及每份文件的完整結構化內容（JSON）。更新頻率：${site.dataset.updateFrequency}。`,
    homepage: dataUrl,
    keywords: ['會議紀錄', '會議結論', '施政成果報告', '列管案件', site.owner.name],
    licenses: [{ path: site.license.url, title: site.license.name }],
    sources: [{ title: site.owner.name, path: site.owner.url }],
    contributors: [
      { title: site.dataset.publisher, roles: ['publisher'] },
      { title: site.dataset.contact.name, email: site.dataset.contact.email, roles: ['contact'] },
    ],
    /** data.taipei's 更新頻率; not a Data Package property, kept beside them as the standard allows. */
    updateFrequency: site.dataset.updateFrequency,
    resources: [
      {
        name: 'resolutions',
        type: 'table',
        path: 'resolutions.csv',
        title: '會議結論一覽',
        description: '每則會議結論一列（RFC 4180：含逗號、引號或換行的欄位加引號，列以 CRLF 分隔；UTF-8，檔首有 BOM 以便 Excel 辨識）',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true },
        schema: { fields: resolutionFields(), primaryKey: ['url'], missingValues: [''] },
      },
      {
        name: 'figures',
        type: 'table',
        path: 'figures.csv',
        title: '施政成果數據一覽',
        description: '文件中每項數據一列：精確數值與單位、衡量指標、期間、比較基準、原文增減與依所列數字計算的增減（RFC 4180，CRLF 分隔；UTF-8，檔首有 BOM）',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true },
        schema: { fields: figureFields(), primaryKey: ['url', 'field', 'start'], missingValues: [''] },
      },
      {
        name: 'documents-index',
        path: 'index.json',
        title: '文件清單',
        description: '全部文件的清單（頁面與結構化資料的網址），以及資料集的授權、管理機關、更新頻率與聯絡人',
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        schema: 'schema/index.json',
      },
      ...documents.map((document) => ({
        name: `document-${document.id}`,
        path: `documents/${document.id}.json`,
        title: document.title,
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        schema: 'schema/document.json',
      })),
    ],
  };
}
