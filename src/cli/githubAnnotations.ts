// `check --format github`: one workflow command per problem, which GitHub
// Actions shows as an annotation on the file and line of the pull request
// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).

/** What an annotation needs from a check problem. */
export interface AnnotatedProblem {
  /** Path as given on the command line; GitHub wants it relative to the repository root. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly severity: 'error' | 'warning' | 'information';
  readonly message: string;
  readonly code: string;
  /** The closest source passage, shown under the message. */
  readonly closest: string | null;
}

/** `::warning file=notes/a.md,line=5,col=3,title=Sourcebook misquote::Quote does not match…`, escaped. */
export function githubAnnotation(problem: AnnotatedProblem): string {
  const properties = [
    `file=${escapeProperty(problem.file.replace(/\\/g, '/'))}`,
    `line=${problem.line}`,
    `col=${problem.column}`,
    `title=${escapeProperty(`Sourcebook ${problem.code}`)}`,
  ].join(',');
  const message = problem.closest === null ? problem.message : `${problem.message}\nSource: ${problem.closest}`;
  const level = problem.severity === 'information' ? 'notice' : problem.severity;
  return `::${level} ${properties}::${escapeData(message)}`;
}

// The runner reads a command up to the end of its line and splits properties
// on `,` and `::`, so those characters (and `%`, the escape itself) are
// percent-encoded; corpus text is data and can hold any of them.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
