// The browser edition in a real browser (Debian's Chromium, headless, driven
// by Playwright): the numbers equal the terminal's, the keys do what they do
// there, a broken file shows its line:column, figures and recordings are
// downloads. Run by tests/e2e_web.sh, which builds the site, serves it on
// loopback and passes:
//   node browser.mjs BASE_URL EXPECTED.json SEED SNAPSHOT OUT_DIR
// EXPECTED.json is `breakwater run seed-lesson --seed SEED --json`; SNAPSHOT
// the terminal's pinned 80x24 screen of retry-storm at 75 s. Timings are
// printed (CI gates on correctness, not on them) and written to
// OUT_DIR/timings.json, with a 1280x720 screenshot beside it.
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";
import assert from "node:assert/strict";

const [base, expectedPath, seed, snapshotPath, outDir] = process.argv.slice(2);
const withoutWall = (json) =>
  json.split("\n").filter((l) => !l.trim().startsWith('"wall_seconds"')).join("\n").trim();
const expected = withoutWall(readFileSync(expectedPath, "utf8"));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
const failures = [];
let passed = 0;

async function open(query) {
  const page = await context.newPage();
  // A script error fails the check at once, not at the timeout.
  const broken = new Promise((_, reject) =>
    page.on("pageerror", (e) => reject(new Error(`page error on ${query}: ${e.message}`))));
  page.on("pageerror", (e) => failures.push(`page error on ${query}: ${e.message}`));
  await page.goto(`${base}/index.html${query}`);
  await Promise.race([page.waitForSelector("body[data-ready='1']", { timeout: 30000 }), broken]);
  // `t=` is reached a frame's budget at a time: wait until it is.
  await waitFor(page, "the address's moment", (s) => !s.opening);
  return page;
}
const state = (page) => page.evaluate(() => JSON.parse(window.breakwater.state()));
const screen = (page) => page.evaluate(() => window.breakwater.screen());
async function waitFor(page, what, test, timeout = 60000) {
  const until = Date.now() + timeout;
  for (;;) {
    const s = await state(page);
    if (test(s)) return s;
    if (Date.now() > until) throw new Error(`${what}: timed out; state ${JSON.stringify(s)}`);
    await page.waitForTimeout(50);
  }
}
// The screen once a frame shows what `test` wants (keys act at once, the
// screen at the next animation frame).
async function screenWhen(page, what, test, timeout = 10000) {
  const until = Date.now() + timeout;
  for (;;) {
    const text = await screen(page);
    if (test(text)) return text;
    if (Date.now() > until) throw new Error(`${what}: timed out; screen:\n${text}`);
    await page.waitForTimeout(30);
  }
}
async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failures.push(`${name}: ${e.stack || e}`);
    console.log(`FAIL ${name}`);
  }
}

await check("seed-lesson jumped to its end gives `breakwater run --json` exactly", async () => {
  const page = await open(`?scenario=seed-lesson&seed=${seed}&t=100000`);
  const s = await waitFor(page, "the end", (s) => s.ended);
  assert.equal(s.sides, 1);
  const got = withoutWall(await page.evaluate(() => window.breakwater.summary(0)));
  assert.equal(got, expected);
  await page.close();
});

await check("seed-lesson run in real time (×1000) to its end gives the same numbers", async () => {
  const page = await open(`?scenario=seed-lesson&seed=${seed}&speed=1000`);
  const s = await waitFor(page, "the end", (s) => s.ended, 120000);
  assert.equal(s.speed, 1000);
  const got = withoutWall(await page.evaluate(() => window.breakwater.summary(0)));
  assert.equal(got, expected);
  await page.close();
});

await check("retry-storm at 75 s draws the terminal's 80x24 screen", async () => {
  const page = await open("?scenario=retry-storm&variant=a&t=75&paused=1&grid=80x24");
  await page.waitForTimeout(200);
  const lines = (await screen(page)).split("\n").slice(0, 24);
  const snap = readFileSync(snapshotPath, "utf8").split("---\n")[2].trim().split("\n")
    .map((l) => JSON.parse(l));
  assert.equal(lines.length, 24);
  // The first and last lines say paused (this page) or running (the
  // terminal's snapshot); the 22 lines of panels between are the same.
  assert.deepEqual(lines.slice(1, 23), snap.slice(1, 23));
  assert.match(lines[0], /Retry storm · t=01:15\.0 \/ 04:00/);
  // The DOM the backend built holds the same text.
  const dom = await page.locator("#screen").innerText();
  assert.ok(dom.includes("Circuit Breaker") && dom.includes("refused 179/s"), dom.slice(0, 400));
  await page.close();
});

await check("keys: pause, n, a parameter change, L", async () => {
  const page = await open(`?scenario=seed-lesson&seed=${seed}&grid=120x40`);
  await page.waitForTimeout(300);
  await page.keyboard.press(" ");
  let s = await waitFor(page, "paused", (s) => s.paused);
  let text = await screenWhen(page, "the header paused", (t) => /PAUSED/.test(t.split("\n")[0]));
  const before = s.now;
  await page.keyboard.press("n");
  s = await waitFor(page, "the next moment", (s) => s.now > before + 1 && s.paused, 30000);
  // The selected parameter (the first, payment's failure rate) one step up.
  text = await screen(page);
  const row = (t) => t.split("\n").find((l) => l.includes("▸failure_rate"));
  const was = row(text);
  await page.keyboard.press("ArrowRight");
  text = await screenWhen(page, "failure_rate changed", (t) => row(t) !== was);
  assert.match(text, /timeline|live|set/);
  await page.keyboard.press("L");
  s = await waitFor(page, "Spanish", (s) => s.lang === "es");
  text = await screenWhen(page, "the header in Spanish", (t) => /EN PAUSA/.test(t.split("\n")[0]));
  assert.match(text, /Parámetros \(payment\)|Latencia/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
  assert.equal(await page.locator("#link").innerText(), "Enlace a este momento");
  // q: a tab is not quit; the session pauses and the summary shows below.
  await page.keyboard.press("q");
  await page.waitForSelector("#summary:not([hidden])");
  assert.match(await page.locator("#summary").innerText(), /^Resumen[\s\S]*payment/);
  await page.close();
});

await check("a bad address says which parameter and what is valid, and opens seed-lesson", async () => {
  const page = await open("?scenario=seed-lesson&seed=abc");
  assert.match(await page.locator("#error").innerText(), /^\?seed=abc: a whole number/);
  const nope = await open("?scenario=no-such-lesson");
  assert.match(await nope.locator("#error").innerText(), /no-such-lesson/);
  await screenWhen(nope, "seed-lesson", (t) => /Seed lesson/.test(t.split("\n")[0]));
  await page.close();
  await nope.close();
});

await check("t traces the next call, Esc closes it", async () => {
  const page = await open("?scenario=seed-lesson&t=95&paused=1&grid=120x40");
  await page.keyboard.press("t");
  await screenWhen(page, "the trace", (t) => /Trace · the next call of user/.test(t) && /answer: ok/.test(t));
  await page.keyboard.press("Escape");
  await screenWhen(page, "no trace", (t) => !/Trace · the next call/.test(t));
  assert.equal((await state(page)).paused, true);
  await page.close();
});

await check("a broken scenario shows its error with line:column", async () => {
  const page = await open("?scenario=seed-lesson");
  await page.locator("#paste-box summary").click();
  await page.locator("#paste").fill(
    'name = "broken"\nduration = "5m"\n\n[load]\nrate = -3\n\n[[services]]\nname = "svc"\n',
  );
  await page.locator("#paste-open").click();
  const error = await page.locator("#error").innerText();
  // As `breakwater check` says it of the same file.
  assert.match(error, /^pasted\.toml:5:8: rate -3 must be from 0 to 1000000 calls per second/, error);
  // The session that was open stays open.
  assert.equal((await state(page)).sides, 1);
  assert.match((await screen(page)).split("\n")[0], /Seed lesson|lección/i);
  await page.close();
});

await check("a link opens a moment: scenario, seed, language, time", async () => {
  const page = await open("?scenario=retry-storm&seed=11&lang=es&t=75&paused=1");
  const s = await state(page);
  assert.equal(s.lang, "es");
  assert.equal(s.paused, true);
  assert.ok(Math.abs(s.now - 75) < 1e-6, `now ${s.now}`);
  const head = (await screen(page)).split("\n")[0];
  assert.match(head, /t=01:15,0 \/ 04:00/);
  assert.match(head, /semilla 11/, head);
  const link = await page.evaluate(() => window.breakwater.link());
  assert.equal(link, "?scenario=retry-storm&seed=11&lang=es&t=75");
  assert.equal(s.sides, 2);
  assert.ok(page.url().endsWith(link), page.url());
  await page.close();
});

await check("?set= changes the world and the link keeps it", async () => {
  const page = await open("?scenario=seed-lesson&set=services.user.workers%3D33&paused=1");
  await screenWhen(page, "workers 33", (t) => /\bworkers +33\b/.test(t));
  const link = await page.evaluate(() => window.breakwater.link());
  assert.equal(link, "?scenario=seed-lesson&set=services.user.workers%3D33&lang=en&t=0");
  await page.close();
});

await check("?exercise= shows the task and g grades the live settings, in Spanish", async () => {
  const page = await open("?exercise=keep-checkout-alive&lang=es&paused=1");
  await screenWhen(page, "the task", (t) => t.includes("Ejercicio: Mantén vivo el checkout"));
  await page.keyboard.press("Escape");
  await page.keyboard.press("g");
  const text = await screenWhen(page, "the grade", (t) => t.includes("Todavía no: 3 de 3 objetivos"), 60000);
  assert.equal(text.split("✗ no cumplido").length - 1, 3, text);
  await page.close();
});

await check("?predict=1 stops at seed-lesson's first question before its answer", async () => {
  const page = await open("?scenario=seed-lesson&predict=1&speed=50&lang=es");
  const text = await screenWhen(page, "question 1", (t) => /pregunta 1 de \d+/.test(t), 30000);
  assert.match(text.split("\n")[0], /EN PAUSA/);
  assert.doesNotMatch(text, /ejecución:/);
  await page.close();
});

await check("e downloads the figure (SVG); R twice downloads the recording", async () => {
  const page = await open(`?scenario=retry-storm&seed=${seed}&t=30&paused=1`);
  let [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("e")]);
  assert.match(download.suggestedFilename(), /\.svg$/);
  const svg = readFileSync(await download.path(), "utf8");
  assert.match(svg, /<svg[\s>]/);
  await page.keyboard.press("R");
  await page.keyboard.press("ArrowRight");
  [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("R")]);
  assert.match(download.suggestedFilename(), /\.toml$/);
  const toml = readFileSync(await download.path(), "utf8");
  assert.match(toml, /\[\[timeline\]\]/);
  await page.close();
});

await check("a small window gets a smaller font and the whole 80x24; a resize refits", async () => {
  const page = await open("?scenario=retry-storm&t=75&paused=1");
  await page.setViewportSize({ width: 800, height: 500 });
  let s = await waitFor(page, "a refit", (s) => s.grid[0] < 120);
  assert.ok(s.grid[0] >= 80 && s.grid[1] >= 24, `grid ${s.grid}`);
  const box = await page.locator("#screen").boundingBox();
  assert.ok(box.x + box.width <= 800 && box.y + box.height <= 500, JSON.stringify(box));
  let text = await screenWhen(page, "the panels", (t) => t.includes("Circuit Breaker"));
  assert.equal(text.split("\n")[0].length >= 80, true);
  await page.setViewportSize({ width: 1600, height: 900 });
  s = await waitFor(page, "a larger grid", (s) => s.grid[0] > 120);
  text = await screenWhen(page, "the panels", (t) => t.split("\n")[0].length === s.grid[0]);
  // The DOM holds exactly the grid's rows, each as wide as the grid.
  const rows = await page.locator("#screen pre").count();
  assert.equal(rows, s.grid[1]);
  await page.close();
});

await check("⧖ and ⧗ draw in the bundled font, not as a system font's box", async () => {
  const page = await open("?scenario=seed-lesson&t=95&paused=1");
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(200);
  const cdp = await context.newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const doc = await cdp.send("DOM.getDocument", { depth: -1 });
  const spans = await cdp.send("DOM.querySelectorAll", { nodeId: doc.root.nodeId, selector: "#screen span" });
  const seen = {};
  for (const id of spans.nodeIds) {
    const node = (await cdp.send("DOM.describeNode", { nodeId: id, depth: 1 })).node;
    const text = (node.children || []).map((c) => c.nodeValue).join("");
    if (!/^[\u29d6\u29d7]$/.test(text) || seen[text]) continue;
    seen[text] = (await cdp.send("CSS.getPlatformFontsForNode", { nodeId: id })).fonts.map((f) => f.familyName);
  }
  assert.deepEqual(seen, { "⧖": ["Noto Sans Math"], "⧗": ["Noto Sans Math"] });
  await page.close();
});

// Timings: reported, not gated.
const timings = {};
await check("timings: M/M/c in the tab, frames at 120x40, a screenshot", async () => {
  const page = await open(`?scenario=seed-lesson&seed=${seed}&grid=120x40`);
  await page.waitForTimeout(3000);
  timings.frames_120x40 = JSON.parse(await page.evaluate(() => window.breakwater.frame_times()));
  // The page's own frame rate while it runs: the gaps between animation
  // frames (a frame that took too long shows as a gap over 16.7 ms).
  timings.frame_gaps_120x40 = await page.evaluate(() => new Promise((done) => {
    const gaps = [];
    let last = performance.now();
    const step = (now) => {
      gaps.push(now - last);
      last = now;
      if (gaps.length < 240) return requestAnimationFrame(step);
      gaps.sort((a, b) => a - b);
      const at = (q) => +gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))].toFixed(2);
      done({ frames: gaps.length, median_ms: at(0.5), p95_ms: at(0.95), max_ms: at(1) });
    };
    requestAnimationFrame(step);
  }));
  assert.equal(timings.frames_120x40.cols, 120);
  timings.mmc = JSON.parse(await page.evaluate(() => window.breakwater.bench_mmc()));
  assert.equal(timings.mmc.calls > 7_000_000, true, JSON.stringify(timings.mmc));
  await page.close();
  const shot = await open(`?scenario=seed-lesson&seed=${seed}&t=95&paused=1`);
  await shot.waitForTimeout(300);
  await shot.screenshot({ path: `${outDir}/web-1280x720.png` });
  await shot.close();
});
writeFileSync(`${outDir}/timings.json`, JSON.stringify(timings, null, 2) + "\n");
console.log(JSON.stringify(timings, null, 2));

await browser.close();
if (failures.length) {
  console.error(`\n${failures.length} failed, ${passed} passed:\n${failures.join("\n\n")}`);
  process.exit(1);
}
console.log(`all ${passed} browser checks passed`);
