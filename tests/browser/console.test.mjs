// The console's scenarios in Debian's Chromium (playwright-core from web/'s lock file,
// executablePath set: no browser download). Run by console_browser_test against a suite
// with the demo city; the environment names the console, the CLI's state folder and where
// screenshots go. Each scenario saves a screenshot when it fails.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { test } from "node:test";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run through console_browser_test)`);
  return value;
};
const URL_BASE = env("PAIZHU_CONSOLE_URL");
const STATE = env("PAIZHU_STATE");
const BIN = env("PAIZHU_BIN");
const SHOTS = env("PAIZHU_SCREENSHOTS");
const DEMO = env("PAIZHU_DEMO_DIR");
const { chromium } = createRequire(join(env("PAIZHU_WEB_DIR"), "package.json"))("playwright-core");
mkdirSync(SHOTS, { recursive: true });

function cli(...args) {
  return execFileSync(join(BIN, "paizhu"), ["--state", STATE, ...args], { encoding: "utf8" });
}

// A dev token for a person, exactly as `paizhu login --dev` makes it.
const tokens = new Map();
function token(person) {
  if (!tokens.has(person)) {
    const m = /export PAIZHU_TOKEN=(\S+)/.exec(cli("login", "--dev", "--as", person));
    assert.ok(m, `paizhu login --dev --as ${person} printed no token`);
    tokens.set(person, m[1]);
  }
  return tokens.get(person);
}

// One call to the gateway's JSON port, as the console makes it (for a scenario's setup).
async function rpc(person, method, body) {
  const answer = await fetch(`${URL_BASE}/${method}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token(person)}` },
    body: JSON.stringify(body),
  });
  const json = await answer.json();
  assert.equal(answer.status, 200, `${method}: ${JSON.stringify(json)}`);
  return json;
}

// The demo city's clue rows (one per person reported), straight from the file.
function demoClues() {
  const [header, ...rows] = readFileSync(join(DEMO, "clues.csv"), "utf8").trim().split(/\r?\n/);
  const cols = header.split(",");
  return rows.map((line) => Object.fromEntries(line.split(",").map((v, i) => [cols[i], v])));
}

function todayCst() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

// A fresh browser for one scenario; a screenshot of the page when it fails.
async function scenario(name, body) {
  const failure = join(SHOTS, `failure-${name}.png`);
  rmSync(failure, { force: true });  // a screenshot of an earlier run's failure
  const browser = await chromium.launch({
    executablePath: env("PAIZHU_CHROMIUM"),
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: "zh-CN" });
  page.setDefaultTimeout(15000);
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  try {
    await body(page, problems);
  } catch (e) {
    await page.screenshot({ path: failure, fullPage: true }).catch(() => {});
    e.message += `\n(screenshot: ${failure}; page: ${page.url()}; console: ${problems.join(" | ")})`;
    throw e;
  } finally {
    await browser.close();
  }
}

// Signs in by pasting the token and submitting with the keyboard.
async function signIn(page, person) {
  await page.goto(`${URL_BASE}/signin`);
  await page.locator("#token").fill(token(person));
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/work/);
  await page.locator(".who").filter({ hasText: person }).waitFor();
}

async function signOut(page) {
  await page.getByRole("button", { name: "退出" }).click();
  await page.waitForURL(/\/signin/);
}

// Waits for the notice an action leaves after the page reloaded with its result.
async function done(page, title) {
  await page.locator("#clue-done").filter({ hasText: `${title}：已完成` }).waitFor();
}

async function state(page) {
  return page.locator("#clue-state").getAttribute("data-state");
}

test("a group member sees only the group's clues", () =>
  scenario("group", async (page) => {
    const rows = demoClues();
    const g01 = new Set(rows.filter((r) => r.handling_unit === "G01").map((r) => r.number));
    const other = rows.find((r) => r.handling_unit === "G02").number;
    assert.ok(g01.size > 0);

    await signIn(page, "P016");  // 驻 G01 组 staff, role group@G01
    await page.goto(`${URL_BASE}/me`);
    await page.locator("#me-roles").waitFor();
    assert.deepEqual(await page.locator("#me-roles td[data-role]").evaluateAll((tds) => tds.map((t) => t.dataset.role)), ["group"]);

    await page.goto(`${URL_BASE}/work`);
    const seen = new Map();
    for (let n = 1; ; n++) {
      await page.locator("#work-queue caption").filter({ hasText: `第 ${n} 页` }).waitFor();
      for (const [number, unit] of await page.locator("#work-queue tbody tr").evaluateAll((trs) =>
        trs.map((tr) => [tr.dataset.clue, tr.dataset.unit]))) {
        seen.set(number, unit);
      }
      if (seen.size <= 50) await page.screenshot({ path: join(SHOTS, "work-queue.png"), fullPage: true });
      const next = page.locator("#next-page");
      if ((await next.count()) === 0) break;
      await next.click();
    }
    assert.deepEqual([...new Set(seen.values())], ["units/G01"]);
    for (const number of g01) assert.ok(seen.has(number), `${number} of G01 is missing from the queue`);
    await page.setViewportSize({ width: 820, height: 1180 });  // a tablet
    await page.screenshot({ path: join(SHOTS, "work-queue-tablet.png") });

    // Another group's clue, opened by its address, looks exactly like one that does not exist.
    await page.goto(`${URL_BASE}/clues/${other}`);
    const hidden = await page.locator("#clue-missing").textContent();
    await page.goto(`${URL_BASE}/clues/XS1999-9999`);
    assert.equal(await page.locator("#clue-missing").textContent(), hidden);
    assert.match(hidden, /找不到这条线索/);
  }));

test("a disposal is proposed and the approver approves it", () =>
  scenario("disposal", async (page) => {
    const registered = await rpc("P016", "paizhu.clue.v1.ClueService/RegisterClue", {
      clue: {
        received_on: todayCst(), source: "petition", violations: ["integrity"],
        allegation: "浏览器测试：逢年过节收受管理服务对象礼金",
        subjects: [{ name: "测试对象", position: "科长", party_member: true }],
        reporter: { name: "王五", contact: "13900000000" },
        handling_unit: "units/G01",
      },
      request_id: `browser-${Date.now()}`,
    });
    const number = registered.name.replace("clues/", "");

    await signIn(page, "P016");
    await page.goto(`${URL_BASE}/clues/${number}`);
    assert.equal(await state(page), "registered");
    await page.locator("#assign").click();
    await page.locator("#assign-handlers").fill("P016");
    await page.locator("#assign-submit").click();
    await done(page, "分办");
    assert.equal(await state(page), "assigned");

    // A refusal shows the service's reason in plain words, and changes nothing.
    await page.locator("#review").click();
    await page.locator("#review-attendees").fill("P016, P011");
    await page.locator("#review-submit").click();
    await page.locator("#review-error").filter({ hasText: "TOO_FEW_ATTENDEES" }).waitFor();
    assert.match(await page.locator("#review-error").textContent(), /至少需要三名/);
    await page.locator("#review-attendees").fill("P001, P011, P016");
    await page.locator("#review-submit").click();
    await done(page, "集体研判");
    assert.equal(await state(page), "under_review");

    await page.locator("#propose").click();
    await page.locator("#propose-disposal").selectOption("inquiry");
    await page.locator("#propose-note").fill("建议谈话函询");
    await page.locator("#propose-submit").click();
    await done(page, "提出处置意见");
    assert.equal(await state(page), "disposal_proposed");
    await page.locator("#clue-proposal").waitFor();
    assert.equal(await page.locator("#approve").count(), 0, "the proposer must not be offered approval");
    await page.screenshot({ path: join(SHOTS, "clue.png"), fullPage: true });

    await signOut(page);
    await signIn(page, "P001");  // the group's leader: the approver the rule names
    await page.goto(`${URL_BASE}/clues/${number}`);
    await page.locator("#approve").click();
    await page.locator("#approve-note").fill("同意");
    await page.locator("#approve-submit").click();
    await done(page, "批准");
    assert.equal(await state(page), "inquiry");
    assert.equal(await page.locator("#approve").count(), 0);

    // The timeline, from the audit trail: every step in order, who acted for which unit,
    // what changed; the refused review left nothing; the reporter stays masked.
    const events = await page.locator("#clue-timeline > li").evaluateAll((lis) =>
      lis.map((li) => [li.dataset.action, li.querySelector(".event-who").textContent]));
    assert.deepEqual(events, [
      ["register", "P016（G01）"], ["assign", "P016（G01）"], ["review", "P016（G01）"],
      ["propose_disposal", "P016（G01）"], ["approve", "P001（G01）"],
    ]);
    const seqs = await page.locator("#clue-timeline > li").evaluateAll((lis) => lis.map((li) => Number(li.dataset.seq)));
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
    const approved = page.locator('#clue-timeline > li[data-action="approve"]');
    assert.match(await approved.locator('[data-field="state"]').textContent(), /处置待审批 → 谈话函询/);
    assert.match(await approved.locator('[data-field="disposal"]').textContent(), /谈话函询/);
    const registeredEvent = page.locator('#clue-timeline > li[data-action="register"]');
    assert.match(await registeredEvent.locator('[data-field="reporter"]').textContent(), /受保护/);
    assert.doesNotMatch(await page.locator("#clue-timeline").textContent(), /王五|13900000000/);
    await page.locator("#timeline-h").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "clue-timeline.png"), fullPage: true });
  }));

test("the work queue filters by source on the server", () =>
  scenario("source", async (page) => {
    const supervision = await newG01Clue("source-supervision");
    const media = (await rpc("P016", "paizhu.clue.v1.ClueService/RegisterClue", {
      clue: {
        received_on: todayCst(), source: "media", violations: ["work"],
        allegation: "浏览器测试：媒体报道", subjects: [{ name: "来源对象" }], handling_unit: "units/G01",
      },
      request_id: `browser-source-media-${Date.now()}`,
    })).name.replace("clues/", "");

    await signIn(page, "P016");
    await page.locator("#filter-source").selectOption("media");
    await page.getByRole("button", { name: "筛选" }).click();
    await page.waitForURL(/source=media/);
    await page.locator(`#work-queue tr[data-clue="${media}"]`).waitFor();
    const sources = await page.locator("#work-queue tbody tr").evaluateAll((trs) => trs.map((tr) => tr.dataset.source));
    assert.ok(sources.length > 0);
    assert.deepEqual([...new Set(sources)], ["media"]);
    assert.equal(await page.locator(`#work-queue tr[data-clue="${supervision}"]`).count(), 0);
    await page.screenshot({ path: join(SHOTS, "work-queue-source.png"), fullPage: true });

    await page.locator("#filter-source").selectOption("supervision");
    await page.getByRole("button", { name: "筛选" }).click();
    await page.waitForURL(/source=supervision/);
    await page.locator(`#work-queue tr[data-clue="${supervision}"]`).waitFor();
    assert.equal(await page.locator(`#work-queue tr[data-clue="${media}"]`).count(), 0);
  }));

test("the figures agree with paizhu report work", () =>
  scenario("figures", async (page) => {
    const period = { from: "2018-01-01", to: "2022-05-31", as_of: "2022-05-31" };
    cli("login", "--dev", "--as", "L001");
    const expected = JSON.parse(cli("report", "work", "--from", period.from, "--to", period.to,
      "--as-of", period.as_of, "--json"));

    await signIn(page, "L001");  // the commission leader
    await page.goto(`${URL_BASE}/figures`);
    for (const [key, value] of Object.entries(period)) await page.locator(`#period-${key}`).fill(value);
    await page.locator("#period-as_of").press("Enter");
    await page.locator("#work-h").filter({ hasText: period.from }).waitFor();
    const shown = await page.locator("#work-report [data-figure]").evaluateAll((cells) =>
      cells.map((c) => [c.dataset.figure, Number(c.textContent)]));
    const figures = Object.entries(expected).filter(([k]) => !["from", "to", "as_of"].includes(k));
    assert.ok(figures.length >= 20);
    for (const [key, value] of figures) {
      const cells = shown.filter(([k]) => k === key);
      assert.ok(cells.length > 0, `the figures page does not show ${key}`);
      for (const [, v] of cells) assert.equal(v, value, key);
    }
    await page.locator("#chart-source").waitFor();
    await page.screenshot({ path: join(SHOTS, "figures.png"), fullPage: true });

    // Every letter the commission leader sees, overdue first.
    await page.goto(`${URL_BASE}/letters`);
    await page.locator("#letters > li").first().waitFor();
    const overdue = await page.locator("#letters > li").evaluateAll((lis) => lis.map((li) => li.dataset.overdue === "true"));
    assert.ok(overdue.length > 0, "the letters are missing");
    assert.deepEqual(overdue, [...overdue].sort((a, b) => Number(b) - Number(a)), "overdue letters come first");
    await page.screenshot({ path: join(SHOTS, "letters.png"), fullPage: true });
  }));

test("pages carry security headers", () =>
  scenario("headers", async (page, problems) => {
    for (const path of ["/", "/clues/XS2020-0001"]) {
      const answer = await fetch(`${URL_BASE}${path}`);
      assert.equal(answer.status, 200);
      assert.match(answer.headers.get("content-security-policy") ?? "", /script-src 'self'/);
      assert.equal(answer.headers.get("x-frame-options"), "DENY");
      assert.equal(answer.headers.get("x-content-type-options"), "nosniff");
      assert.ok(answer.headers.get("access-control-allow-origin") === null, "no CORS for the console");
    }
    // The dev sign-in address (scripts/console-url) carries the token in its fragment; the
    // console signs in and takes it out of the address bar. No policy violation meanwhile.
    await page.goto(`${URL_BASE}/signin#token=${token("P016")}`);
    await page.waitForURL(/\/work$/);
    await page.locator(".who").filter({ hasText: "P016" }).waitFor();
    assert.doesNotMatch(page.url(), /token/);
    assert.deepEqual(problems.filter((p) => /Content Security Policy/i.test(p)), []);
  }));

test("the ranking and a group's explained score sheet", () =>
  scenario("ranking", async (page) => {
    // The demo city's assessor runs the shipped group scheme over 2021.
    const run = await rpc("F004", "paizhu.assess.v1.AssessService/CreateRun", {
      scheme: "schemes/group-v1", period: "2021", request_id: `browser-${Date.now()}`,
    });
    assert.ok(run.ranking.length > 1);

    await signIn(page, "L001");
    await page.goto(`${URL_BASE}/figures`);
    // The runs to choose from (ListRuns), newest first; a year narrows them.
    await page.locator("#run-year").fill("2021");
    await page.locator("#run-form button").click();
    await page.waitForURL(/run_year=2021/);
    // The page reloads its run list after the URL changes: wait for it, not for the URL.
    await page.locator(`#run-name option[value="${run.name}"]`).waitFor({ state: "attached" });
    const offered = await page.locator("#run-name option").evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    assert.ok(offered.includes(run.name), `${run.name} is not offered: ${offered}`);
    const listed = await rpc("L001", "paizhu.assess.v1.AssessService/ListRuns", { year: 2021, page_size: 200 });
    assert.deepEqual(offered, listed.runs.map((r) => r.name));
    await page.locator("#run-name").selectOption(run.name);
    await page.locator("#run-form button").click();
    await page.locator("#ranking tbody tr").first().waitFor();
    const rows = await page.locator("#ranking tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [...tr.cells].slice(0, 3).map((td) => td.textContent)));
    assert.deepEqual(rows, run.ranking.map((t) => [String(t.rank ?? 0), t.target.replace("units/", ""), t.total]));

    const first = run.ranking[0];
    await page.locator("#ranking tbody tr").first().getByRole("link").click();
    await page.locator("#score-explanation").waitFor();
    const lines = await page.locator("#score-explanation tbody td").allTextContents();
    const total = await page.locator("#score-explanation tfoot td").textContent();
    assert.equal(total, first.total);
    // The explanation's lines add up exactly to the total (in hundredths of a point).
    const cents = (p) => Math.round(Number(p) * 100);
    assert.equal(lines.reduce((sum, p) => sum + cents(p), 0), cents(total));
    await page.screenshot({ path: join(SHOTS, "score-sheet.png"), fullPage: true });
  }));

// A live clue of group G01 (registered by one of its members), for the joint-case scenarios.
async function newG01Clue(what) {
  const registered = await rpc("P016", "paizhu.clue.v1.ClueService/RegisterClue", {
    clue: {
      received_on: todayCst(), source: "supervision", violations: ["work"],
      allegation: `浏览器测试：${what}`, subjects: [{ name: "联合对象", position: "副局长" }],
      handling_unit: "units/G01",
    },
    request_id: `browser-${what}-${Date.now()}`,
  });
  return registered.name.replace("clues/", "");
}

test("an office adds a participant and the clue appears on its handler's console", () =>
  scenario("participant", async (page) => {
    const number = await newG01Clue("add-participant");
    await signIn(page, "T101");  // township T01's member: not yet a party
    await page.locator("#work-queue caption, #work-empty").first().waitFor();
    assert.equal(await page.locator(`#work-queue tr[data-clue="${number}"]`).count(), 0);
    await signOut(page);

    await signIn(page, "F001");  // office O01, which guides group G01
    await page.goto(`${URL_BASE}/clues/${number}`);
    await page.locator("#add-participant").click();
    await page.locator("#add-participant-unit").fill("T01");  // in G01's collaboration zone
    await page.locator("#add-participant-handlers").fill("T101");
    await page.locator("#add-participant-note").fill("请协助核实");
    await page.locator("#add-participant-submit").click();
    await done(page, "增加参与单位");
    assert.equal(await page.locator('#clue-parties tr[data-party="T01"]').getAttribute("data-party-state"), "active");
    await page.screenshot({ path: join(SHOTS, "joint-case.png"), fullPage: true });
    await signOut(page);

    await signIn(page, "T101");
    await page.locator("#work-queue caption").waitFor();
    await page.locator(`#work-queue tr[data-clue="${number}"] a`).click();
    await page.locator("#clue-parties").waitFor();
    assert.equal(await state(page), "registered");
  }));

test("a township member outside the joint case cannot open it by its address", () =>
  scenario("outsider", async (page) => {
    const number = await newG01Clue("outsider");
    await rpc("F001", "paizhu.clue.v1.ClueService/AddParticipant", {
      name: `clues/${number}`, unit: "units/T01", handlers: ["people/T101"], note: "联合办案",
    });
    await signIn(page, "T103");  // township T03: outside this joint case
    await page.goto(`${URL_BASE}/clues/${number}`);
    const hidden = await page.locator("#clue-missing").textContent();
    await page.goto(`${URL_BASE}/clues/XS1999-9999`);
    assert.equal(await page.locator("#clue-missing").textContent(), hidden, "it looks missing");
    await signOut(page);
    await signIn(page, "T101");  // the participant's handler does see it
    await page.goto(`${URL_BASE}/clues/${number}`);
    await page.locator("#clue-parties").waitFor();
  }));
