/**
 * Topics of a text: a topic applies when one of its keywords occurs (folded: NFKC, 臺→台, case)
 * outside a proper name. A keyword that begins or sits inside the name of a unit, a system, an award
 * or an office (`資安中心`, `人事室`, `數位轉型獎`, `人事行政總處`, `市政大樓停車管理系統`) names that
 * thing, not the topic: an occurrence followed, within one run of name characters, by such a name's
 * last word does not count; nor does one inside a longer agency name of the registry (`人事處`), or
 * a measure (`執行率`) right after another topic's term, which it measures (`電子發票執行率`).
 */
import type { Topic } from '../../schemas/registry.ts';
import { foldForMatch } from '../../text/normalize.ts';

/** A name's last word. */
const NAME_END = '(?:中心|系統|平台|總處|獎|室|組|科|股)';
/**
 * The rest of a name a keyword stands in: a few more characters (no particle) and a name's last word,
 * or a list sharing that last word (`資安、創新中心` in `策略、資安、創新中心`).
 */
const NAME_TAIL = new RegExp(`^(?:[\\u4e00-\\u9fff]{0,6}?|(?:[、及與][\\u4e00-\\u9fff]{1,4}?)+)${NAME_END}`);
/** A quoted name: 「電子公報資訊系統」, 「市政大樓停車管理系統」 (line breaks inside it removed). */
const QUOTED_NAME = new RegExp(`${NAME_END}$`);
/** Characters that end a name: particles and verbs of the sentence around it. */
const NOT_IN_NAME = /[之的與及和或並於在將為以對請由應已未再等辦理提供]/;

export class TopicIndex {
  private readonly topics: Array<{ slug: string; keywords: string[]; others: string[] }>;

  constructor(topics: Topic[]) {
    const folded = topics.map((topic) => ({ slug: topic.slug, keywords: topic.keywords.map(foldForMatch).filter((keyword) => keyword.trim()) }));
    this.topics = folded.map((topic) => ({
      ...topic,
      others: folded.filter((other) => other !== topic).flatMap((other) => other.keywords.filter((keyword) => !topic.keywords.includes(keyword))),
    }));
  }

  /**
   * Slugs of the topics whose keywords occur in the text outside a proper name, in registry order.
   * @param names spans of the folded text that are names already known (the agencies of the registry):
   *   a keyword inside a longer one (`人事處`, `政風處`) does not count
   */
  of(text: string, names: readonly KnownName[] = []): string[] {
    const folded = foldForMatch(text);
    return this.topics.filter((topic) => topic.keywords.some((keyword) => occursOutsideNames(folded, keyword, topic.others, names))).map((topic) => topic.slug);
  }
}

/** A span of the folded text that is a known name, with the other names of what it names. */
export interface KnownName {
  index: number;
  length: number;
  aliases?: readonly string[];
}

/** A keyword that names a quantity (執行率, 用電量, 件數, 金額): it measures whatever stands before it. */
const MEASURE = /[率量數額]$/;

/**
 * Whether `keyword` occurs in `folded` at least once where it is not part of a name, nor the measure
 * of another topic's subject: a quantity right after a keyword of another topic measures that
 * subject (`電子發票執行率` is the e-invoice rate, not budget execution).
 */
export function occursOutsideNames(folded: string, keyword: string, others: readonly string[] = [], names: readonly KnownName[] = []): boolean {
  const measure = MEASURE.test(keyword);
  for (let index = folded.indexOf(keyword); index >= 0; index = folded.indexOf(keyword, index + 1)) {
    if (insideQuotedName(folded, index)) continue;
    // Inside a longer name only, and not one the keyword itself is a name of: 議會 in 臺北市議會 is the council.
    const inside = (name: KnownName) => name.index < index + keyword.length && index < name.index + name.length;
    if (names.some((name) => name.length > keyword.length && inside(name) && !name.aliases?.includes(keyword))) continue;
    if (measure && others.some((other) => other.length <= index && folded.startsWith(other, index - other.length))) continue;
    const tail = NAME_TAIL.exec(folded.slice(index + keyword.length));
    if (!tail || NOT_IN_NAME.test(tail[0])) return true;
  }
  return false;
}

/** Whether `index` stands inside 「…」 that holds a name (ends in 系統, 中心, 獎 …). */
function insideQuotedName(folded: string, index: number): boolean {
  const open = folded.lastIndexOf('「', index);
  if (open < 0 || folded.lastIndexOf('」', index) > open) return false;
  const close = folded.indexOf('」', index);
  if (close < 0) return false;
  const quoted = folded.slice(open + 1, close).replace(/\s+/g, '');
  return quoted.length <= 16 && QUOTED_NAME.test(quoted);
}
