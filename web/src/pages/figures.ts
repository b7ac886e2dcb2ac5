import { h, put } from "../dom";
import { assess, clue, explain, report } from "../api";
import { barChart } from "../chart";
import { disposalText, formText, gradeText, sourceText } from "../labels";
import { todayCst } from "../dates";
import { go } from "../router";
import type { Run, WorkReport } from "../gen/paizhu/assess/v1/assess_pb";

// The work report as the assessment service counts it (never counted here), as charts
// next to the numbers; the clue service's figures for the same period; a run's ranking
// and one target's explained score sheet.
export async function figuresPage(root: HTMLElement, params: URLSearchParams) {
  const today = todayCst();
  const from = params.get("from") || `${today.slice(0, 4)}-01-01`;
  const to = params.get("to") || today;
  const asOf = params.get("as_of") || to;
  const run = params.get("run") ?? "";
  const target = params.get("target") ?? "";
  const field = (name: string, label: string, value: string, type = "date") =>
    h("label", {}, label, " ", h("input", { type, name, id: `period-${name}`, value, required: type === "date" }));
  put(root, 
    h("h1", {}, "统计"),
    h("form", {
      class: "filters", "aria-label": "统计区间",
      onsubmit: (e: Event) => {
        e.preventDefault();
        const q = new URLSearchParams();
        new FormData(e.target as HTMLFormElement).forEach((v, k) => { if (v) q.set(k, String(v)); });
        go(`/figures?${q}`);
      },
    },
      field("from", "自", from), field("to", "至", to), field("as_of", "人员截至", asOf),
      h("button", { type: "submit", id: "period-submit" }, "查看")),
  );
  const [work, stats] = await Promise.allSettled([
    report.getWorkReport({ from, to, asOf }),
    clue.getClueStatistics({ from, to }),
  ]);
  if (work.status === "fulfilled") put(root, workSection(work.value));
  else put(root, h("p", { class: "error", role: "alert" }, `工作报告：${explain(work.reason).text}`));
  if (stats.status === "fulfilled") {
    const t = stats.value.totals;
    if (t) {
      const entries = (m: { [k: string]: bigint }, text: (k: string) => string): [string, number][] =>
        Object.entries(m).sort((a, b) => Number(b[1] - a[1])).map(([k, v]) => [text(k), Number(v)]);
      put(root, h("section", { "aria-labelledby": "clues-h" },
        h("h2", { id: "clues-h" }, "线索与处置"),
        h("div", { class: "charts" },
          barChart("收到线索（按来源）", "chart-source", entries(t.receivedBySource, sourceText)),
          barChart("处置线索（按处置方式）", "chart-disposal", entries(t.disposedByDisposal, disposalText)),
          barChart("运用“四种形态”（人次）", "chart-forms",
            ["first", "second", "third", "fourth"].map((f) => [formText(f), Number(t.peopleByForm[f] ?? 0n)])),
          barChart("建议书问题整改", "chart-rectification", [
            ["跟踪问题", Number(t.problemsTracked)],
            ["已整改或验收", Number(t.problemsRectified)],
          ]))));
    }
  } else {
    put(root, h("p", { class: "error" }, `线索统计：${explain(stats.reason).text}`));
  }
  put(root, await rankingSection(run, target));
}

function workSection(r: WorkReport): HTMLElement {
  const table = (id: string, title: string, rows: [string, number, string][]) =>
    h("table", { class: "numbers", id },
      h("caption", {}, title),
      h("tbody", {}, rows.map(([label, value, key]) =>
        h("tr", {}, h("th", { scope: "row" }, label), h("td", { "data-figure": key }, value)))));
  return h("section", { "aria-labelledby": "work-h", id: "work-report" },
    h("h2", { id: "work-h" }, `工作报告（${r.from} 至 ${r.to}，人员截至 ${r.asOf}）`),
    h("div", { class: "charts" },
      table("figures-staffing", "机构与人员", [
        ["派驻纪检监察组", r.groups, "groups"],
        ["核定编制", r.authorizedPosts, "authorized_posts"],
        ["在岗人员", r.staff, "staff"],
        ["被监督单位", r.unitsSupervised, "units_supervised"],
        ["未覆盖单位", r.unitsUncovered, "units_uncovered"],
        ["本科及以上学历", r.bachelorOrAbove, "bachelor_or_above"],
      ]),
      barChart("年龄结构", "chart-age", [
        ["30 岁以下", r.ageUnder30, "age_under_30"],
        ["30–39 岁", r.age3039, "age_30_39"],
        ["40–49 岁", r.age4049, "age_40_49"],
        ["50 岁及以上", r.age50Plus, "age_50_plus"],
      ]),
      barChart("从事纪检监察工作年限", "chart-experience", [
        ["不满 3 年", r.experienceUnder3, "experience_under_3"],
        ["3 至 5 年", r.experience3To5, "experience_3_to_5"],
        ["5 年及以上", r.experience5Plus, "experience_5_plus"],
      ]),
      barChart("学历", "chart-education", [
        ["在岗人员", r.staff],
        ["本科及以上", r.bachelorOrAbove],
      ]),
      barChart("日常监督", "chart-supervision", [
        ["参加会议", r.meetingsAttended, "meetings_attended"],
        ["谈话（人次）", r.talksPersonTimes, "talks_person_times"],
        ["培训（人次）", r.trainingPersonTimes, "training_person_times"],
      ]),
      barChart("建议书", "chart-letters", [
        ["发出建议书", r.lettersIssued, "letters_issued"],
        ["跟踪问题", r.problemsTracked, "problems_tracked"],
      ]),
      barChart("线索处置与处理", "chart-outcomes", [
        ["处置线索", r.cluesDisposed, "clues_disposed"],
        ["给予处分（人）", r.peopleSanctioned, "people_sanctioned"],
        ["批评教育（人）", r.peopleCriticised, "people_criticised"],
      ])));
}

async function rankingSection(run: string, target: string): Promise<HTMLElement> {
  const year = new URLSearchParams(location.search).get("run_year") ?? "";
  // The runs to choose from (ListRuns, newest first), optionally of one year.
  let runs: Run[] = [];
  let problem = "";
  try {
    runs = (await assess.listRuns({ pageSize: 200, year: Number(year) || 0 })).runs;
  } catch (e) {
    problem = `读取考核列表失败：${explain(e).text}`;
  }
  const runName = run ? (run.startsWith("runs/") ? run : `runs/${run}`) : "";
  const section = h("section", { "aria-labelledby": "ranking-h" },
    h("h2", { id: "ranking-h" }, "考核排名"),
    h("form", { class: "filters", "aria-label": "考核", id: "run-form" },
      h("label", {}, "年度 ", h("input", { type: "number", name: "run_year", id: "run-year", value: year, min: "2000", max: "2100", placeholder: "全部" })),
      h("label", {}, "考核 ",
        h("select", { name: "run", id: "run-name" },
          h("option", { value: "" }, runs.length ? "请选择" : "（没有考核）"),
          runs.map((r) => h("option", { value: r.name, selected: r.name === runName },
            `${r.name.replace(/^runs\//, "")}：${r.scheme.replace(/^schemes\//, "")}，${r.period}，${r.state === "final" ? "已定稿" : "草稿"}`)))),
      h("button", { type: "submit" }, "查看")),
    problem ? h("p", { class: "error", role: "alert" }, problem) : null);
  section.querySelector("form")!.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const q = new URLSearchParams(location.search);
    for (const key of ["run", "run_year"]) {
      const v = String(data.get(key) ?? "");
      if (v) q.set(key, v); else q.delete(key);
    }
    q.delete("target");
    go(`/figures?${q}`);
  });
  if (!runName) return section;
  try {
    const r = await assess.getRun({ name: runName });
    const link = (t: string) => {
      const q = new URLSearchParams(location.search);
      q.set("target", t);
      return `/figures?${q}#sheet-h`;
    };
    put(section, 
      h("p", {}, `${r.scheme}，${r.period}（${r.from} 至 ${r.to}），${r.state === "final" ? "已定稿" : "草稿"}`),
      h("div", { class: "charts" },
        barChart("总分", "chart-ranking", r.ranking.map((t) => [t.target.replace(/^units\//, ""), Number(t.total)])),
        h("table", { id: "ranking" },
          h("thead", {}, h("tr", {}, ["名次", "单位", "总分", "等次", ""].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, r.ranking.map((t) => h("tr", {},
            h("td", {}, t.rank), h("td", {}, t.target.replace(/^units\//, "")), h("td", {}, t.total),
            h("td", {}, gradeText(t.grade)), h("td", {}, h("a", { href: link(t.target) }, "评分说明"))))))));
    if (target) {
      const [sheet, why] = await Promise.all([
        assess.getScoreSheet({ run: runName, target }),
        assess.explainScore({ run: runName, target }),
      ]);
      put(section, h("h3", { id: "sheet-h", tabindex: "-1" }, `${target.replace(/^units\//, "")} 评分表：${sheet.total} 分，${gradeText(sheet.grade)}`),
        h("div", { class: "scroll" }, h("table", { id: "score-sheet" },
          h("thead", {}, h("tr", {}, ["考核内容", "分值", "数据", "来源", "得分", "计算"].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, sheet.lines.map((l) => h("tr", {},
            h("td", {}, l.taskName || l.task), h("td", {}, l.fullPoints),
            h("td", {}, l.hasValue ? String(l.value) : "—"), h("td", {}, l.evidence || "—"),
            h("td", {}, l.points), h("td", {}, l.working, l.justification ? `（调整：${l.justification}）` : "")))))),
        h("h3", {}, "得分构成"),
        h("table", { id: "score-explanation" },
          h("tbody", {}, why.lines.map((l) => h("tr", {}, h("th", { scope: "row" }, l.label), h("td", {}, l.points)))),
          h("tfoot", {}, h("tr", {}, h("th", { scope: "row" }, "合计"), h("td", {}, why.total)))));
    }
  } catch (e) {
    put(section, h("p", { class: "error", role: "alert" }, `读取考核失败：${explain(e).text}`));
  }
  return section;
}
