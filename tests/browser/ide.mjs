// MedQA's IDE in a real browser: loads /ide/ in headless Chromium, types a query, accepts an autocompletion, runs
// it, reads the result, opens the docs explorer, and saves a screenshot.
// Usage: node ide.mjs http://127.0.0.1:5199 [screenshot.png]   (CHROMIUM=/path/to/chromium, default /usr/bin/chromium)
import { chromium } from 'playwright-core';

const [base, screenshot] = process.argv.slice(2);
const failures = [];
let passed = 0;
const check = (name, ok, detail = '') => {
  passed += ok ? 1 : 0;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
  if (!ok) failures.push(name);
};

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
} catch (error) {
  check('the IDE works end to end', false, error.stack ?? String(error));
} finally {
  await browser.close();
}
console.log(`browser: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
