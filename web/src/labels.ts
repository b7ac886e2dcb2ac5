// The interface's words: the services speak codes (CONTRACTS.md), people read Chinese.
import { Code } from "@connectrpc/connect";

function label(table: Record<string, string>) {
  return (code: string) => table[code] ?? code;
}

export const states: Record<string, string> = {
  registered: "已登记",
  assigned: "已分办",
  under_review: "研判中",
  disposal_proposed: "处置待审批",
  inquiry: "谈话函询",
  verification: "初步核实",
  pending: "暂存待查",
  closed: "予以了结",
  cleared: "予以澄清",
  first_form: "第一种形态处理",
  filing_approved: "已批准立案",
  filed: "已立案",
  transferred: "已移送",
  investigation: "审查调查",
  trial: "审理",
  decided: "已作出处分决定",
  archived: "已归档",
  concluded: "已办结",
};
export const stateText = label(states);

export const violationText = label({
  political: "政治纪律",
  organisational: "组织纪律",
  integrity: "廉洁纪律",
  mass: "群众纪律",
  work: "工作纪律",
  life: "生活纪律",
});

export const sources: Record<string, string> = {
  petition: "信访举报",
  supervision: "监督检查发现",
  investigation: "审查调查发现",
  inspection: "巡视巡察",
  audit: "审计",
  transfer: "其他机关移送",
  media: "媒体",
  big_data: "大数据",
  other: "其他",
};
export const sourceText = label(sources);

export const disposals: Record<string, string> = {
  inquiry: "谈话函询",
  verification: "初步核实",
  pending: "暂存待查",
  closed: "予以了结",
};
export const disposalText = label(disposals);

export const inquiryResults: Record<string, string> = {
  cleared: "予以澄清",
  first_form: "第一种形态处理",
  closed: "予以了结",
  escalate: "转初步核实",
};
export const verificationResults: Record<string, string> = {
  file_case: "建议立案",
  first_form: "第一种形态处理",
  closed: "予以了结",
  transfer: "移送有关机关",
};
export const proposalKinds = label({
  disposal: "处置意见",
  inquiry_conclusion: "函询结论",
  verification_report: "初核报告",
  extension: "延期申请",
});
export const resultText = label({ ...inquiryResults, ...verificationResults, transfer: "移送", filed: "已立案" });

export const outcomes: Record<string, string> = {
  party_warning: "党内警告",
  party_serious_warning: "党内严重警告",
  party_removal: "撤销党内职务",
  party_probation: "留党察看",
  party_expulsion: "开除党籍",
  gov_warning: "政务警告",
  gov_demerit: "政务记过",
  gov_major_demerit: "政务记大过",
  gov_demotion: "政务降级",
  gov_dismissal: "政务撤职",
  gov_expulsion: "政务开除",
  criticism_education: "批评教育",
  organisational: "组织处理",
  referral: "移送司法机关",
  cleared: "予以澄清",
};
export const outcomeText = label(outcomes);
export const formText = label({ first: "第一种形态", second: "第二种形态", third: "第三种形态", fourth: "第四种形态" });

export const roleText = label({
  admin: "系统管理员",
  commission_leader: "委领导",
  case_manager: "案件监督管理",
  office: "监督检查室",
  group: "派驻纪检监察组",
  township: "乡镇（街道）纪委",
  trial: "案件审理",
  petition: "信访",
  assessor: "考核",
  auditor: "审计查阅",
});
export const postText = label({ leader: "组长", deputy: "副组长", staff: "科员", member: "成员" });
export const letterKindText = label({ discipline: "纪律检查建议书", supervision: "监察建议书", combined: "纪检监察建议书" });
export const problemStateText = label({ open: "未整改", in_progress: "整改中", rectified: "已整改", verified: "已验收" });
export const gradeText = label({ excellent: "优秀", competent: "称职", basically_competent: "基本称职", incompetent: "不称职" });

// The clue's timeline (ListClueEvents): the audit trail's actions and the facts a step set.
export const eventActionText = label({
  register: "登记线索",
  read: "查阅",
  import: "导入历史线索",
  import_outcome: "导入处理结果",
  recompute_due: "重算办理期限",
  assign: "分办",
  review: "集体研判",
  propose_disposal: "提出处置意见",
  conclude_inquiry: "提出函询结论",
  report_verification: "提交初核报告",
  approve: "批准",
  reject: "不批准",
  reopen: "重新启用",
  record_outcomes: "记录处理结果",
  file_case: "立案",
  request_extension: "申请延期",
  transfer_to_trial: "移送审理",
  return_for_investigation: "退回补充调查",
  decide: "作出处分决定",
  archive: "归档",
  ask_office_to_join: "请求监督检查室参与",
  answer_join_request: "答复参与请求",
  add_participant: "增加参与单位",
  approve_participant: "批准参与单位",
  reject_participant: "不批准参与单位",
  remove_participant: "移出参与单位",
  assign_task: "分派任务",
  accept_task: "接受任务",
  complete_task: "完成任务",
});

export const factFieldText = label({
  received_on: "收到日期",
  source: "来源",
  handling_unit: "承办单位",
  registering_unit: "登记单位",
  handlers: "承办人",
  violations: "反映问题",
  subjects: "被反映人",
  allegation: "问题摘要",
  "reporter.name": "反映人",
  "reporter.contact": "联系方式",
  "reporter.anonymous": "匿名",
  state: "状态",
  due_date: "办理期限",
  disposal: "处置方式",
  disposed_on: "处置日期",
  result: "办理结果",
  "proposal.kind": "请示事项",
  "proposal.value": "请示内容",
  "proposal.note": "请示说明",
  "proposal.decided": "已审批的请示",
  "review.held_on": "研判日期",
  "review.attendees": "参加人员",
  "review.summary": "研判意见",
  outcome: "处理结果",
  case: "案件",
  "case.state": "案件状态",
  participant: "参与单位",
  task: "任务",
});

// The services' stable reasons, in plain words; the service's own message follows.
const reasons: Record<string, string> = {
  CLUE_NOT_FOUND: "找不到这条线索（不存在或您无权查看）。",
  CASE_NOT_FOUND: "找不到这个案件（不存在或您无权查看）。",
  LETTER_NOT_FOUND: "找不到这份建议书。",
  PERSON_NOT_FOUND: "找不到这个人员。",
  UNIT_NOT_FOUND: "找不到这个单位。",
  RUN_NOT_FOUND: "找不到这次考核。",
  TARGET_NOT_IN_RUN: "这个单位不在本次考核中。",
  ILLEGAL_TRANSITION: "线索当前的状态不允许这一步。",
  ETAG_MISMATCH: "线索已被他人更新，请刷新后再操作。",
  CONCURRENT_CHANGE: "线索已被他人更新，请刷新后再操作。",
  NOT_HANDLING_UNIT: "只有承办单位的人员和案件监督管理室可以办理这条线索。",
  NOT_THE_APPROVER: "您不是这项请示的审批人。",
  OWN_PROPOSAL: "提出请示的人不能审批自己的请示。",
  RECUSED: "组长需回避：被反映人是本组监督单位的领导班子成员，由联系的监督检查室审批。",
  PROPOSAL_PENDING: "还有一项请示待审批，审批后才能提出新的请示。",
  PROPOSAL_ALREADY_DECIDED: "这项请示已经审批过了，请刷新。",
  PROPOSAL_ID_REQUIRED: "缺少请示编号，请刷新后再试。",
  TOO_FEW_ATTENDEES: "集体研判至少需要三名参加人员。",
  HANDLERS_REQUIRED: "请至少指定一名承办人。",
  INVALID_DISPOSAL: "处置方式无效。",
  INVALID_RESULT: "结论无效。",
  INVALID_DATE: "日期格式应为 YYYY-MM-DD。",
  DATE_IN_FUTURE: "日期不能晚于今天。",
  REQUIRED: "有必填项没有填写。",
  INVALID_EXTENSION: "延期天数超出允许范围。",
  EXTENSION_ALREADY_USED: "这一阶段已经延期过一次。",
  OUTCOMES_REQUIRED: "请至少填写一项处理结果。",
  SUBJECT_WITHOUT_OUTCOME: "每名被反映人都需要一项处理结果。",
  SUBJECT_NOT_ON_CLUE: "这个人不是本线索的被反映人。",
  INVALID_OUTCOME: "处理结果无效。",
  INVALID_MONTHS: "留党察看期限应为 12 或 24 个月。",
  INVALID_PAGE_TOKEN: "翻页信息已失效，请回到第一页。",
  INVALID_SOURCE: "来源无效。",
  PERIOD_TOO_LONG: "统计区间过长。",
  END_BEFORE_START: "结束日期早于开始日期。",
  RATE_LIMITED: "操作太频繁，请稍后再试。",
  TOO_MANY_CALLS: "系统繁忙，请稍后再试。",
  UNAUTHENTICATED: "请先登录。",
};

const codes: Partial<Record<Code, string>> = {
  [Code.NotFound]: "找不到（不存在或您无权查看）。",
  [Code.PermissionDenied]: "您没有权限进行这项操作。",
  [Code.Unauthenticated]: "登录无效或已过期，请重新登录。",
  [Code.InvalidArgument]: "填写的内容有误。",
  [Code.FailedPrecondition]: "当前状态下不能这样操作。",
  [Code.Aborted]: "数据已被他人更新，请刷新后再试。",
  [Code.Unavailable]: "服务暂时不可用，请稍后再试。",
  [Code.DeadlineExceeded]: "服务响应超时，请稍后再试。",
  [Code.ResourceExhausted]: "系统繁忙，请稍后再试。",
};

export function reasonText(reason: string, code: Code): string {
  return reasons[reason] ?? codes[code] ?? "操作没有成功。";
}
