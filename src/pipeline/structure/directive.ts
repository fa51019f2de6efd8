/**
 * Whether an entry directs someone to act, read from the grammar of its first sentence: it opens
 * with a request (`請醫事管理科於 8 月底前…`, `並請`, `另請`), hands the matter over (`交X研處`,
 * `由X負責/辦理/統籌`), or its subject is a body or its people followed by an obligation
 * (`各科室應於 8 月 20 日前…`, `同仁務必…`). A unit's report (`疾病管制科：…已於 7 月底完成。`)
 * directs nobody, whatever its words (`中秋節應景食品`).
 */

/** A request at the start of a clause. */
const REQUEST = /^(?:並|另|爰|仍|亦|再|務|敬)?請(?!假|購|款|領|示)/;
/** Handing a matter over: 交X研處, 由X負責. */
const HAND_OVER = /^(?:交由?|由|責成)[^，。；]{1,20}?(?:研處|研議|辦理|負責|統籌|處理|追蹤|列管|彙整|檢討|評估|執行)/;
/** A body or its people as the subject, then an obligation. */
const OBLIGED =
  /^(?:各|本|全體)?[^，。；：:\s]{0,16}?(?:科|室|組|股|局|處|會|中心|所|隊|館|院|單位|機關|科室|組室|局處|同仁|主管|人員)(?:均|皆|亦|也|都)?(?:應(?![變用景])|須|必須|務必|務請|負責)/;
/** A unit's report: its name and a colon (`食品藥物管理科：…`). */
const REPORTER = /^[^，。；：:\s]{2,16}[：:]/;

/** True when the entry's first sentence directs someone. */
export function isDirective(text: string): boolean {
  const body = text.trim();
  const after = REPORTER.exec(body);
  // A unit's report directs only when what follows its colon is itself a request.
  if (after) return REQUEST.test(body.slice(after[0].length).trim());
  const first = body.split(/[。；;！!？?\n]/)[0] ?? '';
  const clauses = first.split(/[，,]/).map((clause) => clause.trim());
  // A request or a hand-over may follow what it is about (`有關市民陳情案件，交疾病管制科研處`).
  return OBLIGED.test(clauses[0] ?? '') || clauses.some((clause) => REQUEST.test(clause) || HAND_OVER.test(clause));
}
