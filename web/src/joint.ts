// Joint cases (室组地联动): the lead unit and its participants, each party's tasks, and
// the steps the caller may take on them. The clue service decides who may; these rules
// only keep away buttons that would be refused.
import { h } from "./dom";
import { clue as clues } from "./api";
import { action, peopleList, type Field } from "./actions";
import { hasRole, unitName, type Me } from "./me";
import type { Clue } from "./gen/paizhu/clue/v1/clue_pb";

const short = (name: string) => name.replace(/^[a-z]+\//, "");
const partyStates: Record<string, string> = {
  requested: "已申请参与",
  awaiting_approval: "待委领导批准",
  active: "参与中",
  declined: "未参与",
  removed: "已退出",
  withdrawn: "已撤回",
};
const taskStates: Record<string, string> = {
  assigned: "已交办",
  accepted: "已接收",
  completed: "已完成",
  cancelled: "已取消",
};

export async function jointSection(me: Me, c: Clue, works: boolean, reload: (m: string) => void): Promise<HTMLElement> {
  const name = c.name;
  const label = async (u: string) => `${await unitName(me, u)}（${short(u)}）`;
  const offices = me.roles.filter((r) => r.role === "office").map((r) => r.unit);
  const coordinates = hasRole(me, "case_manager") || offices.length > 0;
  const parties = await Promise.all(c.participants.map(async (p) => ({ p, unit: await label(p.unit) })));
  const tasksOf = (unit: string) => c.tasks.filter((t) => t.unit === unit);
  const myUnits = new Set(me.roles.map((r) => r.unit));

  const taskRows = (unit: string) => {
    const tasks = tasksOf(unit);
    if (!tasks.length) return h("p", { class: "help" }, "没有任务。");
    return h("ul", { class: "tasks" }, tasks.map((t) => h("li", { "data-task": String(t.id) },
      `${t.title}：${taskStates[t.state] ?? t.state}`, t.dueDate ? `，期限 ${t.dueDate}` : "",
      t.note ? `（${t.note}）` : "",
      myUnits.has(unit) && t.state === "assigned"
        ? action(`task-${t.id}-accept`, "接收任务", [], () => clues.acceptTask({ name, taskId: t.id }), reload) : null,
      myUnits.has(unit) && t.state === "accepted"
        ? action(`task-${t.id}-complete`, "完成任务", [{ name: "note", label: "完成情况", kind: "textarea", required: true }],
            (v) => clues.completeTask({ name, taskId: t.id, note: v.note }), reload) : null)));
  };

  const list: HTMLElement[] = [];
  const add = (id: string, title: string, fields: Field[], send: (v: Record<string, string>) => Promise<unknown>) =>
    list.push(action(id, title, fields, send, reload));
  const note: Field = { name: "note", label: "说明", kind: "textarea" };
  const handling = c.handlingUnit;
  if (["group", "township"].some((r) => hasRole(me, r, handling)) &&
      !c.participants.some((p) => p.state === "requested")) {
    add("ask-office", "请监督检查室参与", [{ ...note, label: "需要协助的事项", required: true }],
      (v) => clues.askOfficeToJoin({ name, note: v.note }));
  }
  for (const p of c.participants) {
    if (p.state === "requested" && offices.includes(p.unit)) {
      add(`answer-${short(p.unit)}`, "答复参与申请", [
        { name: "accept", label: "是否参与", kind: "select", options: [["yes", "参与"], ["no", "不参与"]], required: true },
        { name: "handlers", label: "参与人员（接受时填写，人员编号用逗号分隔）" },
        note,
      ], (v) => clues.answerJoinRequest({ name, accept: v.accept === "yes", handlers: peopleList(v.handlers), note: v.note }));
    }
    if (p.state === "awaiting_approval" && hasRole(me, "commission_leader")) {
      add(`approve-${short(p.unit)}`, `批准 ${short(p.unit)} 参与`, [note],
        (v) => clues.approveParticipant({ name, unit: p.unit, note: v.note }));
      add(`reject-${short(p.unit)}`, `不批准 ${short(p.unit)} 参与`, [{ ...note, required: true }],
        (v) => clues.rejectParticipant({ name, unit: p.unit, note: v.note }));
    }
  }
  if (coordinates) {
    add("add-participant", "增加参与单位", [
      { name: "unit", label: "参与单位（单位编号，如 T01）", required: true },
      { name: "handlers", label: "参与人员（人员编号，多人用逗号分隔）", required: true },
      note,
    ], (v) => clues.addParticipant({
      name, unit: v.unit.startsWith("units/") ? v.unit : `units/${v.unit}`, handlers: peopleList(v.handlers), note: v.note,
    }));
    const current = c.participants.filter((p) => ["requested", "awaiting_approval", "active"].includes(p.state));
    if (current.length) {
      add("remove-participant", "移出参与单位", [
        { name: "unit", label: "参与单位", kind: "select", required: true,
          options: current.map((p) => [p.unit, short(p.unit)]) },
        { ...note, required: true },
      ], (v) => clues.removeParticipant({ name, unit: v.unit, note: v.note }));
    }
  }
  const active = c.participants.filter((p) => p.state === "active");
  if ((works || coordinates) && active.length) {
    add("assign-task", "交办任务", [
      { name: "unit", label: "承担单位", kind: "select", required: true, options: active.map((p) => [p.unit, short(p.unit)]) },
      { name: "title", label: "任务", required: true },
      { name: "dueDate", label: "完成期限", kind: "date" },
    ], (v) => clues.assignTask({ name, unit: v.unit, title: v.title, dueDate: v.dueDate }));
  }

  return h("section", { "aria-labelledby": "joint-h", id: "clue-joint" },
    h("h2", { id: "joint-h" }, "联合办案"),
    h("table", { id: "clue-parties" },
      h("thead", {}, h("tr", {}, ["单位", "角色", "人员", "状态", "任务"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {},
        h("tr", { "data-party": short(handling) },
          h("td", {}, await label(handling)), h("td", {}, "主办"), h("td", {}, c.handlers.map(short).join("、") || "—"),
          h("td", {}, "主办"), h("td", {}, taskRows(handling))),
        parties.map(({ p, unit }) => h("tr", { "data-party": short(p.unit), "data-party-state": p.state },
          h("td", {}, unit), h("td", {}, "参与"), h("td", {}, p.handlers.map(short).join("、") || "—"),
          h("td", {}, partyStates[p.state] ?? p.state, p.decisionNote ? `（${p.decisionNote}）` : ""),
          h("td", {}, taskRows(p.unit)))))),
    list.length ? h("div", { class: "joint-actions" }, list) : null);
}
