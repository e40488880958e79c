import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Sourcebook', { log: true });
  context.subscriptions.push(log);
  log.info('Sourcebook activated');
}

export function deactivate(): void {}
