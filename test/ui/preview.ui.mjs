// The Markdown preview as a person sees it: a note citing the corpus in
// pandoc style, with a footnote of its own, opened in VS Code's built-in
// preview. Sourcebook's markdown-it plugin renders the footnote and the
// citations, and lists the references at the end.
import assert from 'node:assert/strict';

export const options = { open: 'cited-in-pandoc.md' };

export const tests = {
  'the preview renders footnotes, formatted citations and a bibliography': async (wb) => {
    const { page } = wb;
    await wb.waitForActivation();
    await wb.runCommand('Markdown: Open Preview');
    // The preview is a webview: an iframe holding the document's iframe.
    const doc = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const bibliography = doc.locator('.sourcebook-bibliography');
    await bibliography.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await bibliography.innerText(), /References[\s\S]*Alibaba's AI Gamble Is Paying Off/);
    const citations = await doc.locator('.sourcebook-citation').allInnerTexts();
    assert.equal(citations.length, 2);
    assert.match(citations[0], /^\(FrontierNews\.ai 2026\)$/);
    assert.match(citations[1], /sec\. The Open-Source Strategy as a Trojan Horse\)$/);
    assert.equal(await doc.locator('.footnote-ref').count(), 1);
    assert.doesNotMatch(await doc.locator('body').innerText(), /\[\^why\]|\[@alibaba/);
    await wb.screenshot('preview-citations');
  },
};
