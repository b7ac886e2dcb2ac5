import { h, put } from "../dom";
import { clue, explain } from "../api";
import { loadMe, unitName } from "../me";
import { letterKindText, problemStateText } from "../labels";

// Recommendation letters the caller may see, overdue first (the service orders them),
// with their problems and how far rectification has come.
export async function lettersPage(root: HTMLElement, params: URLSearchParams) {
  const me = await loadMe();
  const overdueOnly = params.get("overdue") === "1";
  const page = params.get("page") ?? "";
  put(root, 
    h("h1", {}, "建议书"),
    h("form", { class: "filters", role: "search", "aria-label": "筛选" },
      h("label", {}, h("input", { type: "checkbox", name: "overdue", value: "1", checked: overdueOnly }), " 只看超期"),
      h("button", { type: "submit" }, "筛选")));
  try {
    const answer = await clue.listLetters({ pageSize: 20, pageToken: page, overdueOnly });
    for (const l of answer.letters) await Promise.all([unitName(me, l.issuer), unitName(me, l.unit)]);
    const unit = (u: string) => me.unitNames.get(u) ?? u;
    put(root, 
      answer.letters.length === 0 ? h("p", {}, "没有建议书。") : h("ul", { class: "letters", id: "letters" },
        answer.letters.map((l) => {
          const done = l.problems.filter((p) => p.state === "rectified" || p.state === "verified").length;
          return h("li", { class: l.overdue ? "overdue" : "", "data-letter": l.name.replace(/^letters\//, ""), "data-overdue": String(l.overdue) },
            h("details", {},
              h("summary", {},
                h("strong", {}, l.name.replace(/^letters\//, "")), " ", letterKindText(l.kind), "：",
                unit(l.issuer), " → ", unit(l.unit), "；",
                `回复期限 ${l.replyDue}`, l.repliedOn ? `，已于 ${l.repliedOn} 回复` : "，未回复",
                `；整改 ${done}/${l.problems.length}`,
                l.overdue ? h("span", { class: "due overdue" }, "（超期）") : null),
              h("table", {},
                h("thead", {}, h("tr", {}, ["序号", "问题", "整改状态", "整改日期", "验收日期"].map((t) => h("th", { scope: "col" }, t)))),
                h("tbody", {}, l.problems.map((p) => h("tr", { class: p.overdue ? "overdue" : "" },
                  h("td", {}, p.seq), h("td", {}, p.description), h("td", {}, problemStateText(p.state)),
                  h("td", {}, p.rectifiedOn || "—"), h("td", {}, p.verifiedOn || "—")))))));
        })),
      answer.nextPageToken
        ? h("nav", { class: "pager", "aria-label": "翻页" },
            h("a", { href: `/letters?${new URLSearchParams({ ...(overdueOnly ? { overdue: "1" } : {}), page: answer.nextPageToken })}`, rel: "next" }, "下一页"))
        : null);
  } catch (e) {
    put(root, h("p", { class: "error", role: "alert" }, `读取建议书失败：${explain(e).text}`));
  }
}
