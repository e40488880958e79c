// The getting-started walkthrough as a newcomer meets it: its four steps, each
// checked off when the user has done the thing (hovered a name, inserted a
// quote, checked the quotes), not when they read about it.
/* global document -- used in code that page.waitForFunction runs in the browser */
import assert from 'node:assert/strict';

export const options = { open: 'alibaba-thesis.md' };

const TITLE = 'Get Started with Sourcebook';
const STEPS = ['Add a corpus folder', 'Hover a name in a note', 'Insert a cited quote', 'Check your quotes'];

async function openWalkthrough(wb) {
  await wb.runCommand('Welcome: Open Walkthrough...');
  const input = wb.page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(TITLE);
  // The only match is focused: Enter opens it (a click can miss while the list still settles).
  await wb.page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row.focused')
    .filter({ hasText: TITLE })
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 });
  await wb.page.keyboard.press('Enter');
  await wb.page.locator('.gettingStartedContainer .getting-started-step').first().waitFor({ state: 'visible' });
}

/** Each step's title and whether the walkthrough shows it done. */
async function stepStates(wb) {
  return wb.page.locator('.gettingStartedContainer .getting-started-step').evaluateAll((steps) =>
    steps
      .filter((step) => step.offsetParent !== null)
      .map((step) => ({
        title: step.querySelector('.step-title')?.textContent?.trim() ?? '',
        done: step.querySelector('.codicon-getting-started-step-checked') !== null,
      })),
  );
}

async function waitForDone(wb, title) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const states = await stepStates(wb);
    if (states.find((s) => s.title === title)?.done) return states;
    if (Date.now() > deadline) throw new Error(`step "${title}" not done: ${JSON.stringify(states)}`);
    await wb.page.waitForTimeout(250);
  }
}

export const tests = {
  'the walkthrough lists four steps, none done yet': async (wb) => {
    await openWalkthrough(wb);
    const states = await stepStates(wb);
    assert.deepEqual(
      states.map((s) => s.title),
      STEPS,
    );
    assert.deepEqual(
      states.map((s) => s.done),
      [false, false, false, false],
    );
    await wb.screenshot('walkthrough-start');
  },

  'hovering a name, inserting a quote and checking the quotes each check off their step': async (wb) => {
    await wb.openFile('alibaba-thesis.md');
    // The step is done when a card was shown, not a placeholder: wait for the card itself.
    assert.match(await wb.hover('Qwen'), /Qwen/);
    await wb.page.keyboard.press('Escape');

    await wb.page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    await wb.page.keyboard.press('Control+End');
    await wb.runCommand('Sourcebook: Insert Cited Quote…');
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill('developer adoption');
    await wb.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .first()
      .waitFor({ timeout: 20_000 });
    await wb.page.keyboard.press('Enter');
    await wb.page.waitForFunction(() => document.body.innerText.includes('[^'), undefined, { timeout: 15_000 });

    await wb.runCommand('Sourcebook: Check Quotes in Workspace');
    await openWalkthrough(wb);
    await waitForDone(wb, 'Hover a name in a note');
    await waitForDone(wb, 'Insert a cited quote');
    const states = await waitForDone(wb, 'Check your quotes');
    assert.equal(states.find((s) => s.title === 'Add a corpus folder')?.done, false);
    await wb.screenshot('walkthrough-done');
  },
};
