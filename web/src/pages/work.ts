import { h, put } from "../dom";
import { clue, explain } from "../api";
import { loadMe, unitName } from "../me";
import { sourceText, sources, stateText, states } from "../labels";
import { dueText, todayCst, urgency } from "../dates";
import { go } from "../router";
import type { Clue } from "../gen/paizhu/clue/v1/clue_pb";

const PAGE_SIZE = 50;

// My work: the clues and cases the caller's units handle or take part in (the clue
// service filters by need-to-know), newest first, one keyset page at a time: the page
// token is carried in the address, so paging through thousands stays one cheap call.
export async function workPage(root: HTMLElement, params: URLSearchParams) {
  const me = await loadMe();
  const state = params.get("state") ?? "";
  const unit = params.get("unit") ?? "";
  const source = params.get("source") ?? "";
  const page = params.get("page") ?? "";
  const back = params.getAll("back");

  const units = [...new Set(me.roles.map((r) => r.unit).filter(Boolean))];
  for (const u of units) await unitName(me, u);
  const select = (name: string, text: string, value: string, options: [string, string][]) =>
    h("label", {}, text, " ",
      h("select", { name, id: `filter-${name}` },
        h("option", { value: "" }, "全部"),
        options.map(([v, t]) => h("option", { value: v, selected: v === value }, t))));
  const filters = h("form", {
    class: "filters", role: "search", "aria-label": "筛选",
    onsubmit: (e: Event) => {
      e.preventDefault();
      const data = new FormData(e.target as HTMLFormElement);
      const q = new URLSearchParams();
      for (const key of ["state", "unit", "source"]) {
        const v = String(data.get(key) ?? "");
        if (v) q.set(key, v);
      }
      go(`/work${q.size ? `?${q}` : ""}`);
    },
  },
    select("state", "状态", state, Object.entries(states)),
    select("unit", "承办单位", unit, units.map((u) => [u, me.unitNames.get(u) ?? u])),
    select("source", "来源", source, Object.entries(sources)),
    h("button", { type: "submit" }, "筛选"),
  );
  put(root, h("h1", {}, "我的工作"), filters);

  let clues: Clue[] = [];
  let next = "";
  try {
    const answer = await clue.listClues({ pageSize: PAGE_SIZE, pageToken: page, state, handlingUnit: unit, source });
    clues = answer.clues;
    next = answer.nextPageToken;
  } catch (e) {
    put(root, h("p", { class: "error", role: "alert" }, `读取线索失败：${explain(e).text}`));
    return;
  }
  // ListClues filters by state, unit and source, so every page is full.
  const shown = clues;
  const today = todayCst();
  for (const c of shown) await unitName(me, c.handlingUnit);

  const link = (token: string, backs: string[]) => {
    const q = new URLSearchParams();
    if (state) q.set("state", state);
    if (unit) q.set("unit", unit);
    if (source) q.set("source", source);
    if (token) q.set("page", token);
    for (const b of backs) q.append("back", b);
    return `/work?${q}`;
  };
  put(root, 
    h("p", { class: "legend" },
      h("span", { class: "due overdue" }, "红色：已超期"), " ",
      h("span", { class: "due warning" }, "琥珀色：7 天内到期")),
    shown.length === 0
      ? h("p", { id: "work-empty" }, "没有符合条件的线索。")
      : h("div", { class: "scroll" }, h("table", { id: "work-queue" },
          h("caption", {}, `第 ${back.length + 1} 页，${shown.length} 条`),
          h("thead", {}, h("tr", {},
            ["线索编号", "收到日期", "来源", "承办单位", "状态", "案件", "办理期限"].map((t) =>
              h("th", { scope: "col" }, t)))),
          h("tbody", {}, shown.map((c) => {
            const number = c.name.replace(/^clues\//, "");
            const u = urgency(c.dueDate, today);
            return h("tr", { class: u, "data-clue": number, "data-unit": c.handlingUnit, "data-source": c.source },
              h("th", { scope: "row" }, h("a", { href: `/clues/${number}` }, number)),
              h("td", {}, c.receivedOn),
              h("td", {}, sourceText(c.source)),
              h("td", {}, me.unitNames.get(c.handlingUnit) ?? c.handlingUnit),
              h("td", {}, stateText(c.state)),
              h("td", {}, c.filedCase.replace(/^cases\//, "") || "—"),
              h("td", { class: `due ${u}` }, dueText(c.dueDate, today), c.dueProvisional ? "（暂按工作日计）" : ""));
          })))),
    h("nav", { class: "pager", "aria-label": "翻页" },
      back.length ? h("a", { href: link(back[back.length - 1], back.slice(0, -1)), rel: "prev" }, "上一页") : null,
      next ? h("a", { href: link(next, [...back, page]), rel: "next", id: "next-page" }, "下一页") : null),
  );
}
