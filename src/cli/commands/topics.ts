import { type Grouping, topicOutline } from '../../core/topicTree';
import { type CliCommand, wholeCorpus } from '../context';

const GROUPINGS: readonly Grouping[] = ['topic', 'publisher', 'date'];

export const topicsCommand: CliCommand = {
  name: 'topics',
  usage: 'topics [--group topic|publisher|date]',
  summary: 'the Topics tree: topic → article → section',
  async run(context) {
    const { options, out } = context;
    const grouping = (options.group ?? 'topic') as Grouping;
    if (!GROUPINGS.includes(grouping)) throw new Error(`--group must be one of ${GROUPINGS.join(', ')}`);
    // The same outline the Topics view shows, node for node.
    const tree = topicOutline(await wholeCorpus(context), grouping);
    if (options.json) {
      out(JSON.stringify(tree, null, 2));
      return 0;
    }
    for (const group of tree) {
      out(`${group.topic} (${group.articles.length})`);
      for (const article of group.articles) {
        out(
          `  ${article.title} — ${article.publisher ?? 'unknown publisher'} · ${article.date ?? 'undated'}  [${article.id}]`,
        );
        for (const section of article.sections) out(`    ${section.title}  (line ${section.line})`);
      }
    }
    return 0;
  },
};
