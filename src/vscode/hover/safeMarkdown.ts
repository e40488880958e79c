import type { CommandId } from '../commandIds';

/**
 * Builds the Markdown of a hover so that corpus text can never become markup:
 * `text()` escapes every ASCII punctuation character (CommonMark lets any of
 * them be backslash-escaped), so `[run](command:…)`, `<img>`, `**`, `&amp;`
 * and `$(icon)` arrive as the characters they are. Only `markup()`, which is
 * for Sourcebook's own syntax, and `commandLink()` write Markdown; the links
 * name Sourcebook commands, and `enabledCommands` lists exactly those, for
 * `isTrusted: { enabledCommands }`. Pure, so the escaping is unit-tested.
 */
export class SafeMarkdown {
  private readonly parts: string[] = [];
  private readonly commands = new Set<CommandId>();

  /** Corpus or user text, shown as text: escaped, whitespace collapsed. */
  text(value: string): this {
    this.parts.push(escapeMarkdown(value));
    return this;
  }

  /** Sourcebook's own Markdown syntax (`**`, `> `, `---`, line breaks). Never pass corpus text. */
  markup(value: string): this {
    this.parts.push(value);
    return this;
  }

  /** Corpus text in bold: escaped inside, and left plain where bold markers would not parse around it. */
  strong(value: string): this {
    const escaped = escapeMarkdown(value);
    this.parts.push(/^[\p{L}\p{N}].*[\p{L}\p{N}]$|^[\p{L}\p{N}]$/su.test(value) ? `**${escaped}**` : escaped);
    return this;
  }

  /** A link that runs a Sourcebook command with `args`; the label is escaped. */
  commandLink(label: string, command: CommandId, args?: unknown): this {
    this.commands.add(command);
    const query =
      args === undefined
        ? ''
        : `?${encodeURIComponent(JSON.stringify(args)).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))}`;
    this.parts.push(`[${escapeMarkdown(label)}](command:${command}${query})`);
    return this;
  }

  /** The Markdown built so far. */
  get value(): string {
    return this.parts.join('');
  }

  /** The commands the links run: what the hover trusts, and nothing else. */
  get enabledCommands(): CommandId[] {
    return [...this.commands];
  }
}

/**
 * Escapes text for Markdown: every ASCII punctuation character gets a
 * backslash, whitespace runs become one space. GFM turns bare URLs, `www.`
 * names and e-mail addresses into links whatever is escaped, so an
 * invisible zero-width space goes into `://`, `www.` and before `@`.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .replace(/:\/\/|(www)\.|@/gi, (match, www?: string) =>
      www ? `${www}\u200b.` : match === '@' ? '\u200b@' : ':\u200b//',
    )
    .replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
