/** Topics of a text: a topic applies when one of its keywords occurs (folded: NFKC, 臺→台, case). */
import type { Topic } from '../../schemas/registry.ts';
import { foldForMatch } from '../../text/normalize.ts';

export class TopicIndex {
  private readonly topics: Array<{ slug: string; keywords: string[] }>;

  constructor(topics: Topic[]) {
    this.topics = topics.map((topic) => ({ slug: topic.slug, keywords: topic.keywords.map(foldForMatch) }));
  }

  /** Slugs of the topics whose keywords occur in the text, in registry order. */
  of(text: string): string[] {
    const folded = foldForMatch(text);
    return this.topics.filter((topic) => topic.keywords.some((keyword) => folded.includes(keyword))).map((topic) => topic.slug);
  }
}
