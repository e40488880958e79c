/** Every command Sourcebook registers. The manifest test holds package.json to this table. */
export const Commands = {
  insertCitedQuote: 'sourcebook.insertCitedQuote',
  insertQuoteAboutEntity: 'sourcebook.insertQuoteAboutEntity',
  quoteSelectionIntoNotes: 'sourcebook.quoteSelectionIntoNotes',
  checkQuotesInWorkspace: 'sourcebook.checkQuotesInWorkspace',
  openArticle: 'sourcebook.openArticle',
  showInTopics: 'sourcebook.showInTopics',
  showInEntities: 'sourcebook.showInEntities',
  showCitedBy: 'sourcebook.showCitedBy',
  citedByShowAll: 'sourcebook.citedBy.showAll',
  reloadCorpus: 'sourcebook.reloadCorpus',
  stopCorpusLoad: 'sourcebook.stopCorpusLoad',
  configureCorpusPaths: 'sourcebook.configureCorpusPaths',
  showLog: 'sourcebook.showLog',
  chooseCitationStyle: 'sourcebook.chooseCitationStyle',
  exportNote: 'sourcebook.exportNote',
  topicsRefresh: 'sourcebook.topics.refresh',
  topicsFilter: 'sourcebook.topics.filter',
  topicsClearFilter: 'sourcebook.topics.clearFilter',
  topicsGroupByTopic: 'sourcebook.topics.groupByTopic',
  topicsGroupByPublisher: 'sourcebook.topics.groupByPublisher',
  topicsGroupByDate: 'sourcebook.topics.groupByDate',
  topicsInsertQuoteFromHere: 'sourcebook.topics.insertQuoteFromHere',
  topicsCopyCitation: 'sourcebook.topics.copyCitation',
  setArchivePassword: 'sourcebook.archive.setPassword',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

export const Views = {
  topics: 'sourcebook.topics',
  entities: 'sourcebook.entities',
  citedBy: 'sourcebook.citedBy',
} as const;

/** Context keys used in `when` clauses of package.json. */
export const ContextKeys = {
  corpusLoaded: 'sourcebook.corpusLoaded',
  corpusEmpty: 'sourcebook.corpusEmpty',
  topicsFiltered: 'sourcebook.topicsFiltered',
  /** Walkthrough steps done by using a feature rather than by running a command. */
  walkthroughHoveredEntity: 'sourcebook.walkthrough.hoveredEntity',
  walkthroughInsertedQuote: 'sourcebook.walkthrough.insertedQuote',
} as const;
