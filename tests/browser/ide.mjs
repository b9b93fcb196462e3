// MedQA in a real browser. The IDE: loads /ide/ in headless Chromium, types a query, accepts an autocompletion, runs
// it, reads the result, opens the docs explorer, and saves a screenshot. CORS: a page served from
// http://localhost:3000 (by this script) calls the API and fetches /schema.graphql (the server must list that origin
// in MedQA:Cors:Origins, or run in Development).
// Usage: node ide.mjs http://127.0.0.1:5199 [screenshot.png]   (CHROMIUM=/path/to/chromium, default /usr/bin/chromium)
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { report } from '../report.mjs';

const [base, screenshot] = process.argv.slice(2);
const { check, finish } = report('browser');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  const problems = [];
  page.on('pageerror', error => problems.push(error.message));
  page.on('console', message => message.type() === 'error' && problems.push(message.text()));
  await page.goto(`${base}/ide/`);
  const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await editor.waitFor({ timeout: 30_000 });
  check('the IDE loads with its editor', await editor.isVisible());

  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('{ specialties { na', { delay: 20 });
  const suggestion = page.locator('.suggest-widget.visible .monaco-list-row', { hasText: 'name' }).first();
  await suggestion.waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  const typed = await page.locator('.graphiql-query-editor .view-lines').first().innerText();
  check('typing offers the schema\'s fields and Enter accepts one', /specialties\s*\{\s*name\b/.test(typed.replace(/\u00a0/g, ' ')), typed);

  await page.waitForTimeout(1_000); // GraphiQL reads the operation name from the editor after a short debounce
  await page.keyboard.press('Control+Enter');
  const response = page.locator('.graphiql-response');
  await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('"specialties"'), null, { timeout: 15_000 });
  const result = (await response.innerText()).replace(/\u00a0/g, ' ');
  check('running it shows the answer', result.includes('"data"') && result.includes('"name"') && !result.includes('"errors"'), result.slice(0, 300));

  await page.locator('.graphiql-sidebar button[aria-label*="Documentation"]').first().click();
  await page.locator('.graphiql-doc-explorer').first().waitFor({ timeout: 10_000 });
  check('the docs explorer shows the schema', (await page.locator('.graphiql-doc-explorer').first().innerText()).includes('Query'));
  check('the page logs no errors', problems.length === 0, problems.join(' | '));
  if (screenshot) {
    await page.screenshot({ path: screenshot });
  }

  // A frontend on another origin: its page calls the API from the browser, where CORS applies.
  const app = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(`<!doctype html><title>app</title><script>
      Promise.all([
        fetch('${base}/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ specialties { name } }' }) }).then(r => r.json()),
        fetch('${base}/schema.graphql').then(r => r.text()),
      ]).then(([answer, schema]) => { document.title = answer.data.specialties.length + ' specialties, schema ' + schema.length; },
              error => { document.title = 'failed: ' + error; });
    </script>`);
  });
  await new Promise(resolve => app.listen(3000, '127.0.0.1', resolve));
  try {
    const frontend = await browser.newPage();
    await frontend.goto('http://localhost:3000/');
    await frontend.waitForFunction(() => document.title !== 'app', null, { timeout: 15_000 });
    const title = await frontend.title();
    check('a page on http://localhost:3000 calls the API and fetches the schema', /^\d+ specialties, schema \d+$/.test(title), title);
  } finally {
    app.close();
  }
} catch (error) {
  check('the IDE works end to end', false, error.stack ?? String(error));
} finally {
  await browser.close();
}
finish();
