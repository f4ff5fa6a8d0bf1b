// Takes docs/browser/*.png from a real Neo4j Browser against the demo county.
// 在真实的 Neo4j Browser 中（连接示例县）截取 docs/browser/ 下的图片。
//
//   cd docs/browser && npm ci
//   NEO4J_PASSWORD="$(cat ../../.neo4j/browser-shot/password)" node screenshot.mjs
//
// Env: BROWSER_URL (default http://127.0.0.1:37474/browser/), BOLT_URL (default
// bolt://127.0.0.1:37687), NEO4J_USER (neo4j), NEO4J_PASSWORD (required), CHROMIUM
// (/usr/bin/chromium), SHOTS (comma list of shot names; default all), ZOOM (zoom-in clicks
// after zoom-to-fit for the four-level chain; default 0), SCALE (device pixel ratio; default 2),
// DEBUG_DIR (write a screenshot after every step, plus a detail crop, there when set).
// It drives Browser only through its UI (connect form, editor, :style, :param), the way a
// person would, so the picture is what a reader of the README gets.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const browserUrl = process.env.BROWSER_URL ?? 'http://127.0.0.1:37474/browser/';
const boltUrl = process.env.BOLT_URL ?? 'bolt://127.0.0.1:37687';
const user = process.env.NEO4J_USER ?? 'neo4j';
const password = process.env.NEO4J_PASSWORD;
const debugDir = process.env.DEBUG_DIR;
if (!password) {
  console.error('缺少 NEO4J_PASSWORD / set NEO4J_PASSWORD (the Neo4j home\'s `password` file)');
  process.exit(2);
}

// One picture per saved query; params are the ones the query file documents.
const SHOTS = [
  {
    name: 'four-level-chain',
    query: 'four_level_chain',
    zoom: Number(process.env.ZOOM ?? 0),
    params: { township: "'XC-T01'", unit: "'XC-T01-C02'", asOf: "date('2023-06-30')" },
  },
  {
    name: 'non-public-economy',
    query: 'non_public_economy',
    params: { industries: "['culture_tourism', 'property_management', 'freight']",
              asOf: "date('2023-06-30')" },
  },
];
const wanted = process.env.SHOTS ? process.env.SHOTS.split(',') : SHOTS.map((s) => s.name);

let step = 0;
async function debug(page, what) {
  if (!debugDir) return;
  step += 1;
  await page.screenshot({ path: path.join(debugDir, `${String(step).padStart(2, '0')}-${what}.png`) });
}

// Type into Browser's editor by pasting, so the editor's auto-closing of brackets and quotes
// does not mangle the text, then run it (Ctrl+Enter runs multi-line text too).
async function run(page, text) {
  const frames = await page.locator('[data-testid="frame"]').count();
  const editor = page.locator('[data-testid="activeEditor"] textarea').first();
  await editor.focus();
  await page.evaluate((t) => {
    const target = document.activeElement;
    const data = new DataTransfer();
    data.setData('text/plain', t);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await page.keyboard.press('Control+Enter');
  // A command adds a frame on top; `:clear` empties the stream instead.
  await page.waitForFunction(
    ([n, clear]) => {
      const now = document.querySelectorAll('[data-testid="frame"]').length;
      return clear ? now === 0 : now > n;
    }, [frames, text === ':clear'], { timeout: 30000 });
  await page.waitForTimeout(800);
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-browser-shot-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1600, height: 1100 },
  // Twice the pixels, so Chinese captions stay sharp when the picture is enlarged.
  deviceScaleFactor: Number(process.env.SCALE ?? 2),
  locale: 'zh-CN',
});
// Browser asks for web fonts and update checks on outside hosts; offline they fail, fall back.
const blocked = new Set();
const page = context.pages()[0] ?? (await context.newPage());
if (debugDir) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text().slice(0, 300)}`));
page.on('requestfailed', (r) => {
  const host = new URL(r.url()).host;
  if (!host.startsWith('127.0.0.1')) blocked.add(host);
});

try {
  await page.goto(browserUrl, { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid="boltaddress"]').waitFor({ timeout: 60000 });
  const [scheme, address] = boltUrl.split('://');
  await page.locator('[data-testid="bolt-scheme-select"]').selectOption(`${scheme}://`);
  await page.locator('[data-testid="boltaddress"]').fill(address);
  await page.locator('[data-testid="username"]').fill(user);
  await page.locator('[data-testid="password"]').fill(password);
  await debug(page, 'connect-form');
  await page.locator('[data-testid="connect"]').click();
  await page.getByText('You are connected as user').first().waitFor({ timeout: 60000 })
    .catch(async (e) => { await debug(page, 'connect-failed'); throw e; });
  await debug(page, 'connected');

  const grass = fs.readFileSync(path.join(here, 'style.grass'), 'utf8');
  await run(page, `:style ${grass}`);
  await debug(page, 'styled');

  for (const shot of SHOTS.filter((s) => wanted.includes(s.name))) {
    await run(page, ':clear');
    for (const [key, value] of Object.entries(shot.params)) {
      await run(page, `:param ${key} => ${value}`);
    }
    await run(page, ':clear');
    const cypher = fs.readFileSync(path.join(root, 'cypher', 'browser', `${shot.query}.cypher`), 'utf8');
    await run(page, cypher.trim());
    const frame = page.locator('[data-testid="frame"]').first();
    await frame.locator('svg .node').first().waitFor({ timeout: 60000 });
    await debug(page, `${shot.name}-rendered`);
    // Full-screen frame: the graph gets the whole window instead of a 500 px strip.
    await frame.locator('[title="Fullscreen"], [title="Full screen"], [aria-label="Fullscreen"]').first()
      .click({ timeout: 5000 }).catch(() => console.warn('no fullscreen button; frame as it is'));
    // Let the force layout settle, fit it to the frame (zoom in ZOOM steps for a detail),
    // and keep the overview panel on the right: it is the colour legend.
    await page.waitForTimeout(6000);
    await frame.locator('[aria-label="zoom-to-fit"]').click();
    await page.waitForTimeout(1000);
    for (let i = 0; i < (shot.zoom ?? 0); i += 1) {
      await frame.locator('[aria-label="zoom-in"]').click();
      await page.waitForTimeout(400);
    }
    await page.mouse.move(5, 5);
    await page.waitForTimeout(1500);
    const out = path.join(here, `${shot.name}.png`);
    await page.screenshot({ path: out });
    if (debugDir) {
      await page.screenshot({ path: path.join(debugDir, `${shot.name}-detail.png`),
                              clip: { x: 750, y: 700, width: 500, height: 400 } });
    }
    console.log(`已保存 / saved ${path.relative(root, out)}`);
    await frame.locator('[title="Close fullscreen"], [title="Fullscreen"], [title="Full screen"]').first()
      .click({ timeout: 5000 }).catch(() => {});
  }
} finally {
  if (blocked.size) {
    console.log(`外部主机被拦截（无碍）/ outside hosts unreachable (harmless): ${[...blocked].join(', ')}`);
  }
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
