import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, Views } from '../../src/vscode/commandIds';
import { SETTINGS } from '../../src/vscode/settings';
import { EXTENSION_ID, sourcebook } from './support/extension';

interface Manifest {
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    keybindings: { command: string }[];
    menus: Record<string, { command: string }[]>;
    configuration: { properties: Record<string, { default?: unknown }> };
  };
}

/** Commands VS Code itself registers for every contributed view and container. */
const GENERATED =
  /\.(focus|resetViewLocation|toggleVisibility|removeView|open)$|^workbench\.view\.extension\.sourcebook/;

suite('Manifest', () => {
  const manifest = () => vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;

  test('every command in package.json is registered, and nothing registered is missing from it', async () => {
    await sourcebook();
    const declared = manifest()
      .contributes.commands.map((c) => c.command)
      .sort();
    const registered = (await vscode.commands.getCommands(true))
      .filter((id) => id.startsWith('sourcebook.') && !GENERATED.test(id))
      .sort();
    assert.deepEqual(registered, declared);
    assert.deepEqual([...Object.values(Commands)].sort(), declared, 'the command table matches package.json');
  });

  test('menus and keybindings name only declared commands', () => {
    const declared = new Set(manifest().contributes.commands.map((c) => c.command));
    const used = [
      ...manifest().contributes.keybindings.map((k) => k.command),
      ...Object.values(manifest().contributes.menus).flatMap((items) => items.map((item) => item.command)),
    ];
    for (const command of used) assert.ok(declared.has(command), `${command} is declared`);
  });

  test('every setting in package.json is in the settings table, with the same default, and nothing else is', () => {
    const declared = manifest().contributes.configuration.properties;
    assert.deepEqual(
      Object.keys(declared).sort(),
      Object.keys(SETTINGS)
        .map((key) => `sourcebook.${key}`)
        .sort(),
    );
    for (const [key, fallback] of Object.entries(SETTINGS))
      assert.deepEqual(declared[`sourcebook.${key}`]!.default, fallback, `the default of sourcebook.${key}`);
  });

  test('every view in package.json is contributed to the Sourcebook container and focusable', async () => {
    const views = manifest()
      .contributes.views.sourcebook!.map((v) => v.id)
      .sort();
    assert.deepEqual(views, [...Object.values(Views)].sort());
    const commands = await vscode.commands.getCommands(true);
    for (const view of views) assert.ok(commands.includes(`${view}.focus`), `${view} is a view VS Code knows`);
  });
});
