// Browser test of the dashboard, run by scripts/test-browser against `dyad serve` over the
// fixture store: picks a dyad with the actor pickers, checks the chart has points and a shift
// mark, the network and the map are drawn, opens an event and checks the highlighted evidence
// against the API, and saves two screenshots (the dashboard, and an event's evidence) in
// DYAD_SCREENSHOTS. Exits non-zero on the first failure.
//
//   DYAD_URL=http://127.0.0.1:PORT DYAD_SCREENSHOTS=out/ node dashboard.mjs

import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.DYAD_URL;
const shots = process.env.DYAD_SCREENSHOTS || join(tmpdir(), 'dyad-screenshots');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!base) {
  console.error('set DYAD_URL to the address of a running `dyad serve`');
  process.exit(2);
}
const origin = new URL(base).origin;

let step = 'start';
const check = (ok, what) => {
  if (!ok) throw new Error(what);
  console.log(`  ok: ${what}`);
};

const profile = mkdtempSync(join(tmpdir(), 'dyad-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1400, height: 1500 },
  // Debian's Chromium, as root, on a machine with no network but loopback.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const problems = [];
let failed = false;
try {
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(15000);
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:')) problems.push(`request outside the server: ${u}`);
  });

  step = 'load the dashboard';
  await page.goto(`${base}/`);
  await page.waitForFunction(() => /articles/.test(document.getElementById('store-summary').textContent));
  check(true, 'dashboard loaded and reached the API');

  step = 'pick a dyad';
  const pick = async (input, typed, code) => {
    await page.fill(input, '');
    await page.click(input);
    await page.fill(input, typed);
    const option = page.locator(`${input.replace('-input', '-options')} li`, { hasText: code }).first();
    await option.waitFor();
    await option.click();
  };
  await pick('#source-input', 'Kazak', 'KAZ');
  await pick('#target-input', 'Russ', 'RUS');
  await page.waitForFunction(() => /Kazakhstan ↔ Russia/.test(document.getElementById('series-caption').textContent));
  check((await page.inputValue('#source-input')).includes('KAZ'), 'source picker shows Kazakhstan (KAZ)');
  check(page.url().includes('source=KAZ') && page.url().includes('target=RUS'), 'the URL records the dyad');

  step = 'chart';
  await page.waitForSelector('#series-chart circle.point');
  const points = await page.locator('#series-chart circle.point').count();
  const nonZero = await page.$$eval('#series-chart circle.point', (cs) =>
    cs.filter((c) => Number(c.getAttribute('cy')) < 290).length,
  );
  check(points > 20 && nonZero > 5, `chart has ${points} points, ${nonZero} above zero`);
  const means = await page.locator('#series-chart rect.point.goldstein').count();
  check(means > 5, `chart has ${means} Goldstein means`);
  await page.waitForSelector('#series-chart .shift-mark');
  const shift = await page.locator('#series-chart .shift-mark').first().getAttribute('data-date');
  check(/^2024-0[3-4]/.test(shift), `the turn to conflict is marked at ${shift}`);
  check((await page.locator('#shifts .shift').count()) > 0, 'shifts are listed with their drivers');

  step = 'network and map';
  await page.waitForSelector('#network path.edge');
  check((await page.locator('#network path.edge').count()) >= 4, 'network shows the dyads');
  check((await page.locator('#network path.edge.selected').count()) >= 1, 'the chosen dyad is marked in the network');
  await page.waitForSelector('#map circle.place');
  check((await page.locator('#map path.land').count()) > 100, 'map draws the countries (offline geometry)');
  check((await page.locator('#map circle.place').count()) >= 2, 'map shows event places');

  step = 'event table';
  await page.waitForSelector('#events tr.event-row');
  const rows = await page.locator('#events tr.event-row').count();
  check(rows > 10, `event table lists ${rows} events of the dyad`);
  const firstCodes = await page.locator('#events tr.event-row').first().locator('td').nth(1).innerText();
  check(/KAZ|RUS/.test(firstCodes), `rows belong to the dyad (${firstCodes.trim()})`);

  step = 'open an event';
  const row = page.locator('#events tr.event-row').first();
  const id = await row.getAttribute('data-id');
  await row.click();
  await page.waitForSelector('#event-detail:not([hidden]) blockquote.evidence mark.trigger');
  const detail = await page.evaluate(async (id) => (await fetch(`/v1/events/${id}`)).json(), id);
  const mark = async (role) => page.locator(`#event-detail blockquote mark.${role}`).allInnerTexts();
  const [trigger, source, target] = [await mark('trigger'), await mark('source'), await mark('target')];
  // Actors win over the trigger where they overlap ("threatened [Kazakhstan] with sanctions").
  check(
    trigger.length > 0 && trigger.every((t) => detail.evidence.trigger.text.includes(t.trim())),
    `trigger highlighted: “${trigger.join(' … ')}” of “${detail.evidence.trigger.text}”`,
  );
  check(source.join(' ') === detail.evidence.source.text, `source highlighted: “${source.join(' ')}”`);
  check(target.join(' ') === detail.evidence.target.text, `target highlighted: “${target.join(' ')}”`);
  const quoted = await page.locator('#event-detail blockquote.evidence').innerText();
  check(quoted.trim() === detail.sentence.text.trim(), 'the whole sentence is shown');
  const body = await page.locator('#detail-body').innerText();
  check(body.includes(detail.codes.cameo.name), `codes are named (${detail.codes.cameo.code} ${detail.codes.cameo.name})`);
  const href = await page.locator('#event-detail a.article-link').getAttribute('href');
  check(href === detail.document.url, `links to the article (${href})`);

  step = 'filters';
  await page.selectOption('#filter-root', '13');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('#events tr.event-row .badge')].every((b) => b.textContent.startsWith('13')),
  );
  check(true, 'the CAMEO root filter narrows the table to threats');

  step = 'screenshots';
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'event.png') });
  await page.click('#detail-close');
  await page.selectOption('#filter-root', '');
  await page.waitForTimeout(300);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, 'dashboard.png') });
  console.log(`  screenshots: ${join(shots, 'dashboard.png')}, ${join(shots, 'event.png')}`);

  check(problems.length === 0, `no console errors and no requests outside the server${problems.length ? `: ${problems.join('; ')}` : ''}`);
} catch (e) {
  failed = true;
  console.error(`browser test failed at "${step}": ${e.message}`);
  if (problems.length) console.error(problems.join('\n'));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
