import { h, put } from "../dom";
import { loadMe } from "../me";
import { postText, roleText } from "../labels";

export async function mePage(root: HTMLElement) {
  const me = await loadMe();
  const unit = (u: string) => (u ? `${me.unitNames.get(u) ?? u}（${u.replace(/^units\//, "")}）` : "—");
  put(root, 
    h("h1", {}, "我的信息"),
    h("dl", { class: "facts" },
      h("dt", {}, "姓名"), h("dd", { id: "me-name" }, me.name),
      h("dt", {}, "人员编号"), h("dd", { id: "me-code" }, me.code)),
    h("h2", {}, "角色"),
    me.roles.length
      ? h("table", { id: "me-roles" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "角色"), h("th", { scope: "col" }, "单位"))),
          h("tbody", {}, me.roles.map((r) =>
            h("tr", {}, h("td", { "data-role": r.role }, roleText(r.role)), h("td", {}, unit(r.unit))))))
      : h("p", {}, "没有角色。"),
    h("h2", {}, "职务"),
    me.posts.length
      ? h("ul", {}, me.posts.map((p) => h("li", {}, `${unit(p.unit)} ${postText(p.post)}`)))
      : h("p", {}, "目前没有职务。"),
  );
}
