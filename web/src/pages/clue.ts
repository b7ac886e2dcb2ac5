import { h, put } from "../dom";
import { clue as clues, explain, isNotFound } from "../api";
import { actsOn, hasRole, loadMe, mayApprove, unitName, type Me } from "../me";
import { action, peopleList, type Field } from "../actions";
import { jointSection } from "../joint";
import {
  disposalText, disposals, eventActionText, factFieldText, inquiryResults, outcomeText, outcomes, proposalKinds,
  resultText, sourceText, stateText, verificationResults, violationText,
} from "../labels";
import { dueText, todayCst, urgency } from "../dates";
import { go } from "../router";
import type { Case, Clue, ClueEvent, Outcome } from "../gen/paizhu/clue/v1/clue_pb";
import { create } from "@bufbuild/protobuf";
import { OutcomeSchema } from "../gen/paizhu/clue/v1/clue_pb";

const short = (name: string) => name.replace(/^[a-z]+\//, "");

export async function cluePage(root: HTMLElement, params: URLSearchParams, m: RegExpExecArray) {
  const me = await loadMe();
  const name = `clues/${m[1]}`;
  let c: Clue;
  try {
    c = await clues.getClue({ name });
  } catch (e) {
    // A clue the caller may not see answers exactly like a missing one.
    put(root, 
      h("h1", {}, `线索 ${m[1]}`),
      h("p", { class: "error", role: "alert", id: "clue-missing" },
        isNotFound(e) ? "找不到这条线索。" : `读取线索失败：${explain(e).text}`),
      h("p", {}, h("a", { href: "/work" }, "回到我的工作")));
    return;
  }
  let kase: Case | null = null;
  if (c.filedCase) kase = await clues.getCase({ name: c.filedCase }).catch(() => null);
  const unitLabel = async (u: string) => (u ? `${await unitName(me, u)}（${short(u)}）` : "—");
  const done = params.get("done");
  const reload = (message: string) => go(`/clues/${m[1]}?done=${encodeURIComponent(message)}`);

  put(root, 
    h("h1", {}, `线索 ${short(c.name)}`),
    done ? h("p", { class: "notice", role: "status", id: "clue-done" }, done) : null,
    h("section", { "aria-labelledby": "facts-h" },
      h("h2", { id: "facts-h" }, "基本情况"),
      h("dl", { class: "facts", id: "clue-facts" },
        h("dt", {}, "状态"), h("dd", { id: "clue-state", "data-state": c.state }, stateText(c.state)),
        h("dt", {}, "收到日期"), h("dd", {}, c.receivedOn),
        h("dt", {}, "来源"), h("dd", {}, sourceText(c.source)),
        h("dt", {}, "承办单位"), h("dd", {}, await unitLabel(c.handlingUnit)),
        h("dt", {}, "承办人"), h("dd", {}, c.handlers.map(short).join("、") || "—"),
        h("dt", {}, "登记单位"), h("dd", {}, await unitLabel(c.registeringUnit)),
        h("dt", {}, "反映问题"), h("dd", {}, c.violations.map(violationText).join("、") || "—"),
        h("dt", {}, "问题摘要"), h("dd", {}, c.allegation || "—"),
        h("dt", {}, "反映人"), h("dd", { id: "clue-reporter" },
          !c.reporter ? "—"
          : c.reporter.masked ? "（受保护，仅信访部门可见）"
          : c.reporter.anonymous ? "匿名"
          : `${c.reporter.name} ${c.reporter.contact}`),
        c.disposal ? [h("dt", {}, "处置方式"), h("dd", {}, `${disposalText(c.disposal)}（${c.disposedOn}）`)] : null,
        c.result ? [h("dt", {}, "办理结果"), h("dd", {}, resultText(c.result))] : null,
        c.recusal ? [h("dt", {}, "回避"), h("dd", {}, "被反映人是本组监督单位的领导班子成员，组长回避")] : null)),
    h("section", { "aria-labelledby": "subjects-h" },
      h("h2", { id: "subjects-h" }, "被反映人"),
      c.subjects.length === 0 ? h("p", {}, "—") : h("div", { class: "scroll" }, h("table", { id: "clue-subjects" },
        h("thead", {}, h("tr", {}, ["姓名", "单位", "职务", "级别", "党员", "领导班子成员"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, await Promise.all(c.subjects.map(async (s) => h("tr", {},
          h("td", {}, s.name), h("td", {}, await unitLabel(s.unit)), h("td", {}, s.position || "—"),
          h("td", {}, s.level || "—"), h("td", {}, s.partyMember ? "是" : "否"),
          h("td", {}, s.unitLeadership ? "是" : "否")))))))),
    await deadlineSection(c, kase),
    await timeline(c),
    await jointSection(me, c, actsOn(me, c.handlingUnit, c.handlers), reload),
    actionsSection(me, c, kase, reload),
  );
}

async function deadlineSection(c: Clue, kase: Case | null): Promise<HTMLElement> {
  const target = kase && kase.dueDate ? kase : c;
  const due = target.dueDate;
  const section = h("section", { "aria-labelledby": "due-h" }, h("h2", { id: "due-h" }, "办理期限"));
  if (!due) {
    put(section, h("p", {}, "当前阶段没有办理期限。"));
    return section;
  }
  const u = urgency(due);
  put(section, h("p", { class: `due ${u}`, id: "clue-due" }, dueText(due),
    (kase ? kase.dueProvisional : c.dueProvisional) ? "（当年节假日未载入，暂按周一至周五计）" : ""));
  try {
    const d = await clues.explainDeadline({ name: target.name });
    put(section, h("details", { id: "due-explanation" },
      h("summary", {}, "期限是怎样算出来的"),
      h("p", {}, `规则：${d.rule}；起算日：${d.startDate}；跳过休息日 ${d.daysOffSkipped} 天，调休工作日 ${d.makeupWorkdaysCounted} 天。`),
      h("ol", {}, d.explanation.map((line) => h("li", {}, line)))));
  } catch (e) {
    put(section, h("p", { class: "error" }, `无法说明期限：${explain(e).text}`));
  }
  return section;
}

// The clue's history from its audit trail (ListClueEvents), oldest first: when, who
// for which unit, what, and the facts each step set, with the codes in words.
async function timeline(c: Clue): Promise<HTMLElement> {
  const section = h("section", { "aria-labelledby": "timeline-h" }, h("h2", { id: "timeline-h" }, "办理过程"));
  const events: ClueEvent[] = [];
  try {
    let pageToken = "";
    for (let pages = 0; pages < 20; pages++) {
      const answer = await clues.listClueEvents({ clue: c.name, pageSize: 200, pageToken });
      events.push(...answer.events);
      pageToken = answer.nextPageToken;
      if (!pageToken) break;
    }
  } catch (e) {
    put(section, h("p", { class: "error", role: "alert" }, `无法读取办理过程：${explain(e).text}`));
    return section;
  }
  put(section, h("ol", { class: "timeline", id: "clue-timeline" }, events.map((e) => h("li", {
    "data-action": e.action, "data-seq": String(e.seq),
  },
    h("time", { datetime: e.time }, cstMinute(e.time)), " ",
    h("strong", {}, eventActionText(e.action)), " ",
    h("span", { class: "event-who" }, short(e.actor), e.actingUnit ? `（${short(e.actingUnit)}）` : ""),
    e.facts.length || e.reporterMasked ? h("ul", { class: "facts" },
      e.facts.map((f) => h("li", { "data-field": f.field }, `${factFieldText(f.field)}：`,
        // A decided proposal: its kind (in `previous`) and what it asked.
        f.field === "proposal.decided" ? `${proposalKinds(f.previous)}：${factValue("proposal.value", f.value)}`
        : [f.previous ? `${factValue(f.field, f.previous)} → ` : "", factValue(f.field, f.value) || "（无）"])),
      e.reporterMasked ? h("li", { "data-field": "reporter" }, "反映人：（受保护，仅信访部门可见）") : null) : null))));
  return section;
}

// An instant as the China Standard Time minute people read ("2026-03-02 09:15").
function cstMinute(rfc3339: string): string {
  const t = new Date(rfc3339);
  if (Number.isNaN(t.getTime())) return rfc3339;
  return new Date(t.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace("T", " ");
}

// A fact's value in words where it is a code.
function factValue(field: string, value: string): string {
  switch (field) {
    case "state": case "case.state": return stateText(value);
    case "source": return sourceText(value);
    case "disposal": case "proposal.value":
      return disposalText(value) === value ? resultText(value) : disposalText(value);
    case "result": return resultText(value);
    case "proposal.kind": return proposalKinds(value);
    case "violations": return value.split(", ").map(violationText).join("、");
    case "handlers": case "review.attendees": return value.split(", ").map(short).join("、");
    case "handling_unit": case "registering_unit": case "case": return short(value);
    case "reporter.anonymous": return value === "true" ? "是" : "否";
    case "outcome": {
      const at = value.lastIndexOf(": ");
      return at < 0 ? value : `${value.slice(0, at)}：${outcomeText(value.slice(at + 2))}`;
    }
    default: return value;
  }
}

function valueText(kind: string, value: string): string {
  if (kind === "disposal") return disposalText(value);
  if (kind === "extension") return `${value} 天`;
  return resultText(value);
}

function actionsSection(me: Me, c: Clue, kase: Case | null, reload: (m: string) => void): HTMLElement {
  const list: HTMLElement[] = [];
  const add = (id: string, title: string, fields: Field[], send: (v: Record<string, string>) => Promise<unknown>) =>
    list.push(action(id, title, fields, send, reload));
  const name = c.name;
  const etag = c.etag;
  const note: Field = { name: "note", label: "说明", kind: "textarea" };
  const proposal = kase?.proposal ?? c.proposal;

  if (proposal && mayApprove(me, proposal.approver, proposal.proposedBy)) {
    const what = `${proposalKinds(proposal.kind)}：${valueText(proposal.kind, proposal.value)}`;
    add("approve", "批准", [{ ...note, help: `批准${what}` }],
      (v) => clues.approveProposal({ name, proposalId: proposal.id, note: v.note }));
    add("reject", "不批准", [{ ...note, required: true, help: `不批准${what}，请写明理由` }],
      (v) => clues.rejectProposal({ name, proposalId: proposal.id, note: v.note }));
  }
  const works = actsOn(me, c.handlingUnit, c.handlers);
  if (works && !c.proposal) {
    switch (c.state) {
      case "registered":
        add("assign", "分办", [{ name: "handlers", label: "承办人（人员编号，多人用逗号分隔）", required: true }],
          (v) => clues.assignClue({ name, handlers: peopleList(v.handlers), etag }));
        break;
      case "assigned":
        add("review", "集体研判", [
          { name: "heldOn", label: "研判日期", kind: "date", value: todayCst() },
          { name: "attendees", label: "参加人员（至少三人，人员编号用逗号分隔）", required: true },
          { name: "summary", label: "研判意见", kind: "textarea" },
        ], (v) => clues.reviewClue({ name, heldOn: v.heldOn, attendees: peopleList(v.attendees), summary: v.summary, etag }));
        break;
      case "under_review":
        add("propose", "提出处置意见", [
          { name: "disposal", label: "处置方式", kind: "select", options: Object.entries(disposals), required: true },
          note,
        ], (v) => clues.proposeDisposal({ name, disposal: v.disposal, note: v.note, etag }));
        break;
      case "inquiry":
        add("conclude", "函询结论", [
          { name: "result", label: "结论", kind: "select", options: Object.entries(inquiryResults), required: true }, note,
        ], (v) => clues.concludeInquiry({ name, result: v.result, note: v.note, etag }));
        break;
      case "verification":
        add("verify", "初核报告", [
          { name: "result", label: "结论", kind: "select", options: Object.entries(verificationResults), required: true }, note,
        ], (v) => clues.reportVerification({ name, result: v.result, note: v.note, etag }));
        break;
      case "pending":
        add("reopen", "重新启用", [note], (v) => clues.reopenClue({ name, note: v.note, etag }));
        break;
      case "filing_approved":
        add("file", "立案", [{ name: "filedOn", label: "立案日期", kind: "date", value: todayCst() }],
          (v) => clues.fileCase({ clue: name, filedOn: v.filedOn, requestId: crypto.randomUUID() }));
        break;
      case "first_form":
        add("outcomes", "记录处理结果", outcomeFields(c),
          (v) => clues.recordOutcomes({ name, outcomes: outcomesFrom(c, v) }));
        break;
    }
  }
  if (kase && !kase.proposal && (works || hasRole(me, "trial"))) {
    const cname = kase.name;
    const cetag = kase.etag;
    if (kase.state === "investigation" || kase.state === "trial") {
      add("extend", "申请延期", [
        { name: "days", label: "延长天数", kind: "number", required: true, help: kase.state === "trial" ? "审理阶段 1–30 天" : "审查调查阶段 1–90 天" },
        note,
      ], (v) => clues.requestExtension({ name: cname, days: Number(v.days), note: v.note }));
    }
    if (kase.state === "investigation") {
      add("to-trial", "移送审理", [note], (v) => clues.transferToTrial({ name: cname, note: v.note, etag: cetag }));
    }
    if (kase.state === "trial") {
      add("return", "退回补充调查", [note], (v) => clues.returnForInvestigation({ name: cname, note: v.note, etag: cetag }));
      add("decide", "作出处分决定", outcomeFields(c),
        (v) => clues.decideCase({ name: cname, decidedOn: v.decidedOn, outcomes: outcomesFrom(c, v), etag: cetag }));
    }
    if (kase.state === "decided") {
      add("archive", "归档", [note], (v) => clues.archiveCase({ name: cname, note: v.note, etag: cetag }));
    }
  }
  return h("section", { "aria-labelledby": "actions-h", id: "clue-actions" },
    h("h2", { id: "actions-h" }, "可办理事项"),
    proposal ? h("p", { id: "clue-proposal" },
      `待审批：${proposalKinds(proposal.kind)}“${valueText(proposal.kind, proposal.value)}”，由 ${short(proposal.proposedBy)} 于 ${proposal.proposedOn} 提出；审批人：${approverText(proposal.approver)}。`) : null,
    list.length ? list : h("p", { id: "no-actions" }, "您现在没有可以办理的事项。"));
}

function approverText(approver: string): string {
  if (approver === "a commission leader") return "委领导";
  const m = /^the (\w+) of units\/(\S+)$/.exec(approver);
  if (m) return `${m[2]} ${m[1] === "leader" ? "组长" : m[1]}`;
  const r = /^role (\w+) in units\/(\S+)$/.exec(approver);
  return r ? `${r[2]}` : approver;
}

function outcomeFields(c: Clue): Field[] {
  const fields: Field[] = [{ name: "decidedOn", label: "决定日期", kind: "date", value: todayCst() }];
  c.subjects.forEach((s, i) => {
    fields.push(
      { name: `outcome${i}`, label: `${s.name}：处理结果`, kind: "select", options: Object.entries(outcomes), required: true },
      { name: `detail${i}`, label: `${s.name}：具体措施（组织处理、第一种形态时填写）` },
      { name: `months${i}`, label: `${s.name}：留党察看期限（月）`, kind: "number" },
    );
  });
  return fields;
}

function outcomesFrom(c: Clue, v: Record<string, string>): Outcome[] {
  return c.subjects.map((s, i) => create(OutcomeSchema, {
    subjectName: s.name,
    outcome: v[`outcome${i}`],
    detail: v[`detail${i}`],
    months: Number(v[`months${i}`]) || 0,
    decidedOn: v.decidedOn,
  }));
}
