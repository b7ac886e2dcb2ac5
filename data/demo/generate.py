#!/usr/bin/env python3
"""Writes the demo city's ledgers (data/demo/*.csv, CONTRACTS.md formats).

A fictional city whose work report for 2018-01-01..2022-05-31, as of 2022-05-31, gives
exactly the figures of the seed report (see data/demo/README.md), with what makes it a
living city around them: offices and their people, roles, a commission leader, people who
left and joined, a transfer, supervision that changed hands, and rows outside the period.
Deterministic: the same files on every run. Run it from anywhere:

    python3 data/demo/generate.py          # rewrites data/demo/*.csv
"""

import datetime as dt
import os
import random

OUT = os.path.dirname(os.path.abspath(__file__))
AS_OF = dt.date(2022, 5, 31)
FROM = dt.date(2018, 1, 1)
TO = AS_OF
REFORM = dt.date(2018, 3, 1)  # the groups were set up (派驻机构改革)

# The seed report's figures.
TARGET = dict(groups=10, authorized_posts=30, staff=23, units_supervised=52, units_uncovered=0,
              age_under_30=0, age_30_39=3, age_40_49=14, age_50_plus=6, bachelor_or_above=6,
              experience_under_3=9, experience_3_to_5=6, experience_5_plus=8,
              meetings_attended=235, talks_person_times=246, letters_issued=13,
              problems_tracked=53, clues_disposed=294, people_sanctioned=71,
              people_criticised=63, training_person_times=173)

rng = random.Random(20220531)


def d(text):
    return dt.date.fromisoformat(text)


def days(a, b):
    """Every day from a to b, both included."""
    return [a + dt.timedelta(n) for n in range((b - a).days + 1)]


def years(born, on):
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


# ---- names ----

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鑫波斌宇浩凯健俊帆帅旭宁龙林欣晨辉峰建国志军海燕雪琳婷晓东亮鹏飞文博思远嘉怡子涵雨"
used_names = set()


def new_name():
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        if name not in used_names:
            used_names.add(name)
            return name


# ---- organisation ----

ZONES = [("Z1", "第一协作区", "O01"), ("Z2", "第二协作区", "O02"), ("Z3", "第三协作区", "O03")]
OFFICES = [
    ("O01", "supervision_office", "第一监督检查室", "Z1"),
    ("O02", "supervision_office", "第二监督检查室", "Z2"),
    ("O03", "supervision_office", "第三监督检查室", "Z3"),
    ("O04", "case_management_office", "案件监督管理室", ""),
    ("O05", "trial_office", "案件审理室", ""),
    ("O06", "petition_office", "信访室", ""),
    ("O07", "office", "党风政风监督室", ""),
]
HOSTS = ["市委办", "市人大机关", "市政府办", "市政协机关", "市教育局", "市财政局", "市人社局",
         "市自然资源局", "市住建局", "市卫健委"]
UNIT_NAMES = [
    "市委办公室", "市委机要保密局", "市档案馆", "市委党史研究室", "市委政研室", "市人大常委会办公室",
    "市政府办公室", "市发展改革委", "市统计局", "市大数据中心", "市机关事务局", "市政协办公室",
    "市工商联", "市侨联", "市科协", "市教育局", "市体育局", "市科技局", "市图书馆", "市财政局",
    "市审计局", "市税务局", "市国资委", "市人社局", "市医保局", "市退役军人局", "市总工会",
    "市自然资源局", "市林业局", "市生态环境局", "市水务局", "市住建局", "市城管局", "市交通局",
    "市应急局", "市商务局", "市市场监管局", "市粮食和储备局", "市供销社", "市卫健委", "市疾控中心",
    "市中心医院", "市民政局", "市司法局", "市信访局", "市文旅局", "市广电局", "市农业农村局",
    "市乡村振兴局", "市气象局", "市住房公积金中心", "市人防办",
]
assert len(UNIT_NAMES) == 52
GROUPS = [f"G{n:02d}" for n in range(1, 11)]
GUIDE = {g: ("O01" if n < 4 else "O02" if n < 7 else "O03") for n, g in enumerate(GROUPS)}
ZONE_OF_OFFICE = {"O01": "Z1", "O02": "Z2", "O03": "Z3"}
TOWNSHIPS = [("T01", "城关镇纪委", "Z1"), ("T02", "北山乡纪委", "Z1"), ("T03", "河西镇纪委", "Z2"),
             ("T04", "东岭乡纪委", "Z2"), ("T05", "南湖镇纪委", "Z3"), ("T06", "石桥乡纪委", "Z3")]
# Supervised units per group: 6, 6, then 5 each (52 in all).
SPLIT = [6, 6, 5, 5, 5, 5, 5, 5, 5, 5]
supervision = {}  # unit -> [(group, from)], in date order
units_of = {}
n = 0
for g, count in zip(GROUPS, SPLIT):
    for _ in range(count):
        n += 1
        supervision[f"U{n:02d}"] = [(g, REFORM)]
# Later changes of hands (supervision.csv).
supervision["U05"].append(("G02", d("2020-01-01")))
supervision["U20"].append(("G05", d("2021-07-01")))
CHANGES = [("U05", "G02", "2020-01-01"), ("U20", "G05", "2021-07-01")]
# A unit set up after the report's date: outside every figure as of 2022-05-31.
LATE_UNIT = ("U53", "市数据局", d("2022-08-01"), "G10")
supervision["U53"] = [("G10", LATE_UNIT[2])]


def group_of(unit, day):
    """The group supervising `unit` on `day`, or None."""
    current = None
    for g, since in supervision[unit]:
        if since <= day:
            current = g
    return current


def units_supervised_by(group, day):
    return [u for u in supervision if group_of(u, day) == group]


rows = {}
rows["zones"] = [[code, name, office, "2017-01-01"] for code, name, office in ZONES]
rows["units"] = [["C00", "commission", "市纪委监委", "", "2017-01-01", "", "", "", "", ""]]
for code, kind, name, zone in OFFICES:
    rows["units"].append([code, kind, name, "C00", "2017-01-01", "", "", "", "", zone])
for g, host in zip(GROUPS, HOSTS):
    rows["units"].append([g, "group", f"驻{host}纪检监察组", "C00", REFORM.isoformat(),
                          "leader=1;deputy=1;staff=1", GUIDE[g], "", "", ZONE_OF_OFFICE[GUIDE[g]]])
for n, name in enumerate(UNIT_NAMES, start=1):
    u = f"U{n:02d}"
    g, since = supervision[u][0]
    rows["units"].append([u, "supervised_unit", name, "", "2010-01-01", "", "", g,
                          since.isoformat(), ""])
rows["units"].append([LATE_UNIT[0], "supervised_unit", LATE_UNIT[1], "", LATE_UNIT[2].isoformat(),
                      "", "", LATE_UNIT[3], LATE_UNIT[2].isoformat(), ""])
for code, name, zone in TOWNSHIPS:
    rows["units"].append([code, "township", name, "", "2017-01-01", "", "", "", "", zone])
rows["supervision"] = [[u, g, since, ""] for u, g, since in CHANGES]

# ---- people ----
# Group cadres: (code, birth, education, work_start, gender, specialties). Ages, education
# and experience as of 2022-05-31 give the report's bands, with people on each band's edge
# (a 50th and a 40th birthday on the day, a 5th and a 3rd year of service completed on it,
# and their opposites completed the day after).
CADRES = {
    "P001": ("1965-03-12", "below_college", "1998-07-01", "male", ""),
    "P002": ("1970-07-19", "college", "2010-03-01", "male", "finance"),
    "P003": ("1969-09-30", "below_college", "2012-07-01", "male", ""),
    "P004": ("1973-04-08", "master", "2015-01-05", "female", "law"),
    "P005": ("1974-12-15", "college", "2016-08-01", "male", "accounting"),
    "P006": ("1971-01-25", "below_college", "2008-04-01", "male", ""),
    "P007": ("1975-06-21", "bachelor", "2017-05-31", "female", "law"),
    "P008": ("1976-02-03", "college", "2017-06-01", "male", "audit"),
    "P009": ("1977-08-17", "college", "2020-01-01", "male", ""),
    "P010": ("1978-10-09", "college", "2018-03-01", "female", "it"),
    "P011": ("1968-11-02", "below_college", "2005-09-01", "male", ""),
    "P012": ("1972-05-31", "college", "2018-03-01", "female", ""),
    "P013": ("1979-05-05", "college", "2018-03-01", "male", "finance"),
    "P014": ("1980-03-28", "college", "2018-09-01", "female", ""),
    "P015": ("1981-09-14", "bachelor", "2019-05-31", "male", "law;audit"),
    "P016": ("1990-02-14", "master", "2019-06-01", "female", "accounting"),
    "P017": ("1982-05-31", "college", "2020-01-01", "male", ""),
    "P018": ("1982-06-01", "college", "2021-03-01", "female", ""),
    "P019": ("1976-06-01", "college", "2020-06-01", "male", ""),
    "P020": ("1986-07-07", "bachelor", "2022-03-01", "female", "it"),
    "P021": ("1974-01-19", "college", "2022-04-15", "male", ""),
    "P022": ("1978-06-01", "bachelor", "2020-10-10", "male", "finance"),
    "P023": ("1980-12-24", "college", "2021-01-01", "female", ""),
    # left before 2022-05-31
    "P024": ("1966-04-04", "college", "2003-03-01", "male", ""),
    "P025": ("1962-01-10", "college", "1995-09-01", "male", ""),
    "P026": ("1964-08-08", "bachelor", "2001-02-01", "male", "law"),
    "P028": ("1961-12-01", "college", "1999-05-01", "female", ""),
    # joins the day after 2022-05-31
    "P027": ("1992-10-01", "master", "2022-06-01", "male", "audit"),
}
# Posts in groups: (person, group, post, from, to, reason). `to` empty: still held.
POSTS = [
    ("P001", "G01", "leader", "2018-03-01", "", ""),
    ("P011", "G01", "deputy", "2018-03-01", "", ""),
    ("P016", "G01", "staff", "2019-06-01", "", ""),
    ("P026", "G02", "leader", "2018-03-01", "2019-08-31", "调任"),
    ("P002", "G02", "leader", "2019-09-01", "", ""),
    ("P012", "G02", "deputy", "2018-03-01", "", ""),
    ("P017", "G02", "staff", "2020-01-01", "", ""),
    ("P003", "G03", "leader", "2018-03-01", "", ""),
    ("P013", "G03", "deputy", "2018-03-01", "", ""),
    ("P024", "G03", "staff", "2018-03-01", "2020-06-30", "调离"),
    ("P004", "G04", "leader", "2018-03-01", "", ""),
    ("P014", "G04", "deputy", "2018-09-01", "", ""),
    ("P027", "G04", "staff", "2022-06-01", "", ""),
    ("P005", "G05", "leader", "2018-03-01", "", ""),
    ("P015", "G05", "deputy", "2019-05-31", "", ""),
    ("P010", "G05", "staff", "2018-03-01", "2020-12-31", "交流任职"),
    ("P018", "G05", "staff", "2021-03-01", "", ""),
    ("P006", "G06", "leader", "2018-03-01", "", ""),
    ("P025", "G06", "deputy", "2018-03-01", "2021-12-31", "退休"),
    ("P019", "G06", "staff", "2020-06-01", "", ""),
    ("P007", "G07", "leader", "2018-03-01", "", ""),
    ("P021", "G07", "deputy", "2022-04-15", "", ""),
    ("P008", "G08", "leader", "2018-03-01", "", ""),
    ("P010", "G08", "deputy", "2021-01-01", "", ""),
    ("P028", "G09", "leader", "2018-03-01", "2019-12-31", "退休"),
    ("P009", "G09", "leader", "2020-01-01", "", ""),
    ("P023", "G09", "deputy", "2021-01-01", "", ""),
    ("P020", "G09", "staff", "2022-03-01", "", ""),
    ("P022", "G10", "leader", "2020-10-10", "", ""),
]
# 逢进必审: a group post from 2022-01-01 on needs a vetting first.
VETTED = {"P020": "2022-02-15", "P021": "2022-04-01", "P027": "2022-05-20"}
# Outside the groups: the commission leader, the offices, the townships.
OTHERS = [
    # code, unit, role, birth, education, work_start, gender
    ("L001", "C00", "commission_leader", "1966-10-20", "master", "1996-07-01", "male"),
    ("A001", "O04", "case_manager", "1979-03-03", "bachelor", "2006-07-01", "female"),
    ("A002", "O05", "trial", "1975-11-11", "master", "2003-07-01", "male"),
    ("A003", "O06", "petition", "1983-02-02", "bachelor", "2009-07-01", "female"),
    ("F001", "O01", "office", "1972-09-09", "bachelor", "2000-07-01", "male"),
    ("F002", "O02", "office", "1977-04-04", "bachelor", "2004-07-01", "female"),
    ("F003", "O03", "office", "1985-05-05", "master", "2012-07-01", "male"),
    ("F004", "O07", "assessor", "1981-08-08", "bachelor", "2008-07-01", "female"),
    ("T101", "T01", "township", "1984-01-21", "college", "2014-03-01", "male"),
    ("T103", "T03", "township", "1988-06-16", "bachelor", "2016-03-01", "female"),
    ("T105", "T05", "township", "1979-12-12", "college", "2011-03-01", "male"),
]


def held(person, day):
    """The group post a person holds on `day`, as (group, post), or None."""
    for p, g, post, since, until, _ in POSTS:
        if p == person and d(since) <= day and (not until or day <= d(until)):
            return (g, post)
    return None


def group_cadres_on(day):
    return sorted({p for p, *_ in POSTS if held(p, day)})


rows["people"], rows["assignments"], rows["roles"] = [], [], []
for code, (birth, education, work_start, gender, specialties) in CADRES.items():
    open_posts = [p for p in POSTS if p[0] == code and not p[4]]
    unit = post = since = ""
    if open_posts:
        _, unit, post, since, _, _ = open_posts[0]
    rows["people"].append([code, new_name(), gender, birth, education, specialties, work_start,
                           unit, post, since, VETTED.get(code, "")])
    for p, g, post_, start, until, reason in POSTS:
        if p == code and until:
            rows["assignments"].append([p, g, post_, start, until, reason])
    if open_posts and d(open_posts[0][3]) <= AS_OF:
        rows["roles"].append([code, "group", open_posts[0][1]])
for code, unit, role, birth, education, work_start, gender in OTHERS:
    rows["people"].append([code, new_name(), gender, birth, education, "", work_start, unit,
                           "member", "2018-01-01", ""])
    rows["roles"].append([code, role, unit])
# The case-management director also audits the clue registry's trail.
rows["roles"].append(["A001", "auditor", "O04"])
# A former office member who left in 2020: history only.
rows["people"].append(["F005", new_name(), "male", "1963-03-03", "college", "", "1990-07-01",
                       "", "", "", ""])
rows["assignments"].append(["F005", "O02", "member", "2017-01-01", "2020-09-30", "退休"])

# ---- trainings: 173 person-times of group cadres in the period ----
COURSES = [("党纪法规专题培训", "市纪委监委"), ("派驻机构干部业务培训", "市纪委监委"),
           ("省纪委专题视频培训", "省纪委监委"), ("审查调查实务培训", "市纪委监委"),
           ("财会审计知识培训", "市财政局"), ("监察法实施条例解读", "省纪委监委")]
rows["trainings"] = []
counted = 0
session_days = sorted(rng.sample(days(d("2018-04-01"), d("2022-05-20")), 40))
for n, day in enumerate(session_days):
    course, organizer = COURSES[n % len(COURSES)]
    cadres = group_cadres_on(day)
    for p in rng.sample(cadres, min(len(cadres), rng.randint(3, 7))):
        if counted == TARGET["training_person_times"]:
            break
        rows["trainings"].append([p, course, organizer, day.isoformat(), rng.choice(["3", "4", "6.5", "8"])])
        counted += 1
assert counted == TARGET["training_person_times"], counted
# Not counted: before the period, after it, people outside the groups, and two joiners
# trained before they joined a group.
rows["trainings"] += [
    ["F001", "党纪法规专题培训", "市纪委监委", "2017-11-15", "4"],
    ["P001", "党纪法规专题培训", "市纪委监委", "2017-11-15", "4"],
    ["F002", "派驻机构干部业务培训", "市纪委监委", "2019-05-10", "8"],
    ["A001", "审查调查实务培训", "市纪委监委", "2021-06-18", "6.5"],
    ["P020", "监察法实施条例解读", "省纪委监委", "2021-11-10", "3"],
    ["P027", "派驻机构干部业务培训", "市纪委监委", "2022-05-25", "8"],
    ["P001", "省纪委专题视频培训", "省纪委监委", "2022-06-20", "3"],
    ["P020", "省纪委专题视频培训", "省纪委监委", "2022-06-20", "3"],
]
rows["trainings"].sort(key=lambda r: (r[3], r[0]))

# ---- the supervision ledger: 235 meetings and 246 talk person-times in the period ----
SUBKINDS = {"meeting": ["党组会", "局办公会", "民主生活会", "三重一大决策会议"],
            "talk": ["谈心谈话", "咬耳扯袖提醒谈话", "重点岗位人员谈话"]}


def ledger(kind, total, max_count, empty_count_rows):
    """Rows of `kind` whose counts add up to `total`, on units each group supervised then."""
    out, left = [], total
    period = days(REFORM, d("2022-05-28"))
    while left > 0:
        day = rng.choice(period)
        g = rng.choice(GROUPS)
        units = units_supervised_by(g, day)
        count = min(left, rng.randint(1, max_count))
        # A few rows leave count empty: the format's default, 1.
        cell = "" if count == 1 and empty_count_rows and rng.random() < 0.3 else str(count)
        out.append([g, rng.choice(units), day.isoformat(), kind, rng.choice(SUBKINDS[kind]), cell, ""])
        left -= count
    return out


rows["activities"] = ledger("meeting", TARGET["meetings_attended"], 3, True)
rows["activities"] += ledger("talk", TARGET["talks_person_times"], 6, True)
# Not counted: other kinds of work, and meetings and talks after the period.
for kind, subkind in [("written_report", "科级干部书面述责述廉"), ("holiday_reminder", "春节廉洁提醒"),
                      ("holiday_check", "节后工作纪律检查"), ("ecology_analysis", "年度政治生态分析"),
                      ("campaign", "学生餐专项整治"), ("campaign", "粮食购销领域专项整治"),
                      ("interview", "慵懒散慢浮问题约谈"), ("study_check", "理论学习情况检查")]:
    for _ in range(3):
        day = rng.choice(days(REFORM, d("2022-05-28")))
        g = rng.choice(GROUPS)
        rows["activities"].append([g, rng.choice(units_supervised_by(g, day)), day.isoformat(),
                                   kind, subkind, "1", ""])
for day, kind, count in [("2022-06-08", "meeting", "2"), ("2022-06-15", "talk", "5"),
                         ("2022-09-01", "meeting", "1"), ("2023-03-10", "talk", "3")]:
    g = rng.choice(GROUPS)
    rows["activities"].append([g, rng.choice(units_supervised_by(g, d(day))), day, kind,
                               SUBKINDS[kind][0], count, ""])
rows["activities"].sort(key=lambda r: (r[2], r[0], r[1]))
# Notes with quotes and line breaks, as spreadsheets write them.
for r in rows["activities"]:
    if r[4] == "三重一大决策会议" and not r[6]:
        r[6] = "列席\"三重一大\"事项决策会议"
    if r[3] == "ecology_analysis":
        r[6] = "发现问题：主体责任压得不实\n整改建议：建立定期会商机制"

# ---- letters (13 in 2021, 53 problems) ----
PROBLEMS = ["政治理论学习不深入", "主体责任落实不到位", "三重一大决策程序不规范", "公务接待管理不规范",
            "财务报销审核不严", "干部选拔任用程序不规范", "廉政风险防控不到位", "专项资金使用不规范",
            "政府采购程序不规范", "作风建设存在薄弱环节"]
rows["letters"], rows["problems"] = [], []


def add_letter(code, kind, day, due, replied, problem_count, state_of):
    g = rng.choice(GROUPS)
    unit = rng.choice(units_supervised_by(g, d(day)))
    rows["letters"].append([code, kind, g, unit, day, due, replied])
    for seq in range(1, problem_count + 1):
        state, rectified, verified = state_of(seq)
        rows["problems"].append([code, str(seq), rng.choice(PROBLEMS), state, rectified, verified])


letter_days = sorted(rng.sample(days(d("2021-01-10"), d("2021-11-30")), 13))
for n, day in enumerate(letter_days, start=1):
    issued = day
    due = issued + dt.timedelta(30)
    replied = issued + dt.timedelta(rng.randint(10, 28))
    rectified = replied + dt.timedelta(rng.randint(5, 40))
    verified = rectified + dt.timedelta(rng.randint(10, 60))

    def state_of(seq, rectified=rectified, verified=verified):
        if seq % 4 == 0:
            return ("rectified", rectified.isoformat(), "")
        return ("verified", rectified.isoformat(), verified.isoformat())

    add_letter(f"JY2021-{n:02d}", ["combined", "discipline", "supervision"][n % 3],
               issued.isoformat(), due.isoformat(), replied.isoformat(), 5 if n == 13 else 4,
               state_of)
# Not counted: a letter after the period, and a live one past its reply date (overdue).
add_letter("JY2022-01", "combined", "2022-07-20", "2022-08-20", "2022-08-10", 3,
           lambda seq: ("rectified", "2022-09-30", ""))
add_letter("JY2026-01", "supervision", "2026-09-15", "2026-10-15", "", 2,
           lambda seq: ("open", "", ""))

# ---- clues: 294 disposed in the period; 71 people sanctioned, 63 criticised ----
SOURCES = ["petition", "petition", "petition", "supervision", "inspection", "audit", "transfer",
           "media", "big_data", "investigation", "other"]
LEVELS = ["一般干部", "科级", "科级", "副处级", "处级"]
rows["clues"], rows["outcomes"] = [], []
seq_of_year = {}
clue_people = []  # (number, subject name, disposed_on) of clues disposed in the period


def number_for(received):
    seq_of_year[received.year] = seq_of_year.get(received.year, 0) + 1
    return f"XS{received.year}-{seq_of_year[received.year]:04d}"


def handler_for(day):
    """A group after the reform (on a unit it supervised), else an office or a township."""
    if day >= REFORM and rng.random() < 0.8:
        g = rng.choice(GROUPS)
        return g, rng.choice(units_supervised_by(g, day))
    if rng.random() < 0.5:
        t = rng.choice(TOWNSHIPS)[0]
        return t, t
    office = rng.choice(["O01", "O02", "O03"])
    return office, rng.choice([u for u in supervision if u != "U53"])


def add_clue(received, disposed, subjects, in_period):
    """Returns the (number, name, disposed) of each person reported."""
    number = number_for(received)
    handling, subject_unit = handler_for(received)
    disposal = rng.choice(["inquiry", "inquiry", "verification", "pending", "closed"])
    filed = ""
    if disposal == "verification" and rng.random() < 0.5:
        filed = (disposed + dt.timedelta(rng.randint(20, 60))).isoformat()
    source = rng.choice(SOURCES)
    people = []
    for _ in range(subjects):  # one row per person reported; the clue's own columns agree
        name = new_name()
        rows["clues"].append([number, received.isoformat(), source, handling, name,
                              subject_unit, rng.choice(LEVELS), disposal, disposed.isoformat(), filed])
        people.append((number, name, max(disposed, d(filed)) if filed else disposed))
    (clue_people if in_period else outside_people).extend(people)


# Received in the period and disposed 5..30 days later, before 2022-05-31; every twelfth
# names two people. One more, received in December 2017 and disposed in January 2018,
# counts too (its first disposal is in the period). Not counted: received and disposed
# before the period; received in it and disposed after; both after it.
outside_people = []
specs = [(d("2017-12-20"), d("2018-01-05"), True)]
for _ in range(TARGET["clues_disposed"] - 1):
    received = rng.choice(days(FROM, d("2022-04-30")))
    specs.append((received, received + dt.timedelta(rng.randint(5, 30)), True))
for received, disposed in [("2017-03-02", "2017-03-20"), ("2017-06-12", "2017-07-01"),
                           ("2022-05-20", "2022-06-10"), ("2022-05-26", "2022-06-20"),
                           ("2022-07-04", "2022-07-30")]:
    specs.append((d(received), d(disposed), False))
specs.sort(key=lambda spec: spec[0])  # numbers follow receipt, gap-free per year
for n, (received, disposed, in_period) in enumerate(specs):
    add_clue(received, disposed, 2 if in_period and n % 12 == 5 else 1, in_period)
rows["clues"].sort(key=lambda r: (r[0][2:6], int(r[0][7:]), r[4]))

SANCTIONS = ["party_warning", "party_serious_warning", "party_removal", "party_probation",
             "party_expulsion", "gov_warning", "gov_demerit", "gov_major_demerit", "gov_demotion",
             "gov_dismissal"]


def outcome(number, name, kind, day, detail=""):
    months = rng.choice(["12", "24"]) if kind == "party_probation" else ""
    rows["outcomes"].append([number, name, kind, detail, months, day.isoformat()])


# Decided 1..60 days after the disposal (or the filing): only people whose clue leaves
# room for that before 2022-05-31 get a counted outcome.
roomy = [c for c in clue_people if c[2] <= TO - dt.timedelta(60)]
rng.shuffle(roomy)
sanctioned = roomy[:TARGET["people_sanctioned"]]
criticised = roomy[len(sanctioned):len(sanctioned) + TARGET["people_criticised"]]
rest = roomy[len(sanctioned) + len(criticised):]
for n, (number, name, base) in enumerate(sanctioned):
    day = base + dt.timedelta(rng.randint(1, 60))
    if n % 9 == 0:  # a party and an administrative sanction: one person sanctioned
        outcome(number, name, rng.choice(SANCTIONS[:5]), day)
        outcome(number, name, rng.choice(SANCTIONS[5:]), day)
    else:
        outcome(number, name, rng.choice(SANCTIONS), day)
for number, name, base in criticised:
    outcome(number, name, "criticism_education", base + dt.timedelta(rng.randint(1, 60)))
# Not counted: other outcomes, outcomes decided after the period, outcomes of clues outside it.
for number, name, base in rest[:10]:
    outcome(number, name, "organisational", base + dt.timedelta(rng.randint(1, 60)),
            rng.choice(["诫勉", "责令检查", "调整职务"]))
for number, name, base in rest[10:15]:
    outcome(number, name, "cleared", base + dt.timedelta(rng.randint(1, 60)))
for number, name, base in rest[15:17]:
    outcome(number, name, "referral", base + dt.timedelta(rng.randint(1, 60)))
late = [c for c in clue_people if TO - dt.timedelta(20) <= c[2] <= TO][:2]
for number, name, base in late:
    outcome(number, name, "gov_warning", d("2022-07-15"))
    outcome(number, name, "criticism_education", d("2022-07-15"))
for (number, name, base), kind in zip(outside_people, ["party_warning", "criticism_education",
                                                       "gov_demerit", "party_warning",
                                                       "criticism_education"]):
    outcome(number, name, kind, base + dt.timedelta(15))
rows["outcomes"].sort(key=lambda r: (r[0][2:6], int(r[0][7:]), r[1], r[2]))

# ---- work meetings (三例会) and each group's attendance ----
# Its own random stream, so the ledgers above stay as they are. The quarterly work meeting
# (Jan, Apr, Jul, Oct), the half-year seminar (July) and the yearly 述责述廉 meeting
# (January, on the year before), from the reform to the report's date; a few absences.
attendance_rng = random.Random(3)
MEETINGS = []
for year in range(REFORM.year, AS_OF.year + 1):
    for month in (1, 4, 7, 10):
        MEETINGS.append(("quarterly", dt.date(year, month, 10), f"{year}年{month}月工作例会"))
    MEETINGS.append(("half_year", dt.date(year, 7, 20), f"{year}年半年工作研讨会"))
    MEETINGS.append(("yearly", dt.date(year, 1, 25), f"{year - 1}年度述责述廉会"))
rows["attendance"] = []
for kind, day, title in sorted(MEETINGS, key=lambda m: (m[1], m[0])):
    if day < REFORM or day > AS_OF:
        continue
    for g in GROUPS:
        absent = attendance_rng.random() < 0.05
        rows["attendance"].append([kind, day.isoformat(), title, g, "no" if absent else "yes",
                                   "请假" if absent else ""])

# ---- a group's personnel records and the integrity files (org's record kinds) ----
# Written by hand, without a random generator, so the ledgers above stay byte for byte what
# they were. None of them counts in the work report: its talks are the activities' talk
# rows, not transfer talks; vettings, mentoring, accountability, integrity files and
# liaisons have no figure. No group is held accountable in 2021, so the finalised 2021
# assessment keeps its figures too.

# 逢进必审: vettings beyond the latest passed one of P020, P021 and P027 that people.csv's
# `vetted_on` carries: those of people who joined before the rule (2022-01-01), and
# P027's first vetting, which did not pass.
rows["vettings"] = [
    ["P022", "2020-09-25", "true", "拟任驻市卫健委纪检监察组组长，廉政审查通过"],
    ["P010", "2020-12-10", "true", "拟交流任驻市自然资源局纪检监察组副组长"],
    ["P023", "2020-12-15", "true", "拟任驻市住建局纪检监察组副组长"],
    ["P018", "2021-02-10", "true", "拟任驻市教育局纪检监察组科员"],
    ["P027", "2022-05-10", "false", "个人有关事项报告漏报房产一处，待核实后重新审查"],
]
# 逢调必谈: a talk before each change of post (the rule itself binds from 2022-01-01).
rows["transfer_talks"] = [
    ["P026", "2019-08-26", "L001", "调任前谈话，交接在办线索"],
    ["P002", "2019-08-28", "L001", "任驻市人大机关纪检监察组组长前谈话"],
    ["P024", "2020-06-22", "P003", "调离前谈话，强调保密纪律"],
    ["P010", "2020-12-28", "L001", "交流任职谈话"],
    ["P027", "2022-05-27", "P004", "入组前谈话"],
]
# 传帮带: a newcomer paired with an experienced cadre of the group.
rows["mentoring"] = [
    ["P011", "P016", "2019-06-01", "2021-05-31"],
    ["P005", "P018", "2021-03-01", "2022-02-28"],
    ["P009", "P020", "2022-03-01", ""],
    ["P007", "P021", "2022-04-15", ""],
    ["P004", "P027", "2022-06-01", ""],
]
# 问责: three cadres and one group (in 2019, outside the 2021 assessment).
rows["accountability"] = [
    ["", "G06", "2019-11-20", "通报批评", "对驻在部门违规发放津补贴问题监督不力"],
    ["P024", "", "2020-05-20", "诫勉谈话", "审查调查中未严格执行安全工作规定"],
    ["P019", "", "2021-09-15", "批评教育", "监督检查台账记录不全，未按时报送工作情况"],
    ["P014", "", "2022-03-10", "责令书面检查", "谈话函询材料审核把关不严"],
]
# 廉政档案 of supervised units' cadres (the "key minority" and key posts), with entries.
# LZ002's cadre is named by a live clue (scripts/load-demo: open_clues); LZ003's was given
# a sanction by an imported clue in 2021 (sanction_in_effect as of a month later).
SANCTION_NAMES = {"party_warning": "党内警告", "party_serious_warning": "党内严重警告",
                  "gov_demerit": "政务记过", "gov_major_demerit": "政务记大过"}
subject_unit = {(r[0], r[4]): r[5] for r in rows["clues"]}
subject_level = {(r[0], r[4]): r[6] for r in rows["clues"]}
outcomes_of = {}
for r in rows["outcomes"]:
    outcomes_of.setdefault((r[0], r[1]), []).append(r)
sanctioned_2021 = [r for r in rows["outcomes"]
                   if r[2] in SANCTION_NAMES and r[5].startswith("2021-")
                   and len(outcomes_of[(r[0], r[1])]) == 1
                   and subject_unit[(r[0], r[1])].startswith("U")
                   and subject_unit[(r[0], r[1])] not in ("U02", "U21")][0]
clue, cadre, sanction, _, _, decided = sanctioned_2021
FILE_NAMES = ["郝建平", "黄志强", "贺晓琳", "龚文涛"]
assert not used_names & set(FILE_NAMES)
rows["integrity_files"] = [
    ["LZ001", FILE_NAMES[0], "U01", "主任", "正处级", "top_leader", ""],
    ["LZ002", FILE_NAMES[1], "U08", "项目审批科科长", "科级", "key_post", ""],
    ["LZ003", cadre, subject_unit[(clue, cadre)], "科长", subject_level[(clue, cadre)], "key_post",
     ""],
    ["LZ004", FILE_NAMES[2], "U16", "副局长", "副处级", "leadership_member", "young_cadre"],
    ["LZ005", FILE_NAMES[3], "U44", "局长", "正处级", "top_leader", "long_posting_away;other"],
]
rows["integrity_entries"] = [
    ["LZ001", "declaration", "2021-01-20", "报告个人有关事项：婚姻、房产、投资情况无变化"],
    ["LZ001", "talk", "2021-06-15", "主体责任约谈，提出落实\"三重一大\"制度的要求"],
    ["LZ001", "reminder", "2022-01-25", "春节前廉洁提醒"],
    ["LZ002", "declaration", "2022-01-18", "报告个人有关事项：配偶经商情况"],
    ["LZ002", "reminder", "2022-04-28", "五一节前廉洁提醒"],
    ["LZ003", "note", decided, f"受到{SANCTION_NAMES[sanction]}处分（{clue}）"],
    ["LZ004", "talk", "2021-09-10", "新任职领导干部廉政谈话"],
    ["LZ005", "declaration", "2022-01-12", "报告个人有关事项，子女在外地就业"],
    ["LZ005", "talk", "2022-03-02", "长期异地任职干部谈心谈话"],
]
# The commission leader who liaises with groups (联系派驻机构): L001 with G01..G03 since
# the reform, with G04 until 2020, with G05 since 2021.
rows["liaisons"] = [
    ["G01", "L001", "2018-03-01", ""],
    ["G02", "L001", "2018-03-01", ""],
    ["G03", "L001", "2018-03-01", ""],
    ["G04", "L001", "2018-03-01", "2020-12-31"],
    ["G05", "L001", "2021-01-01", ""],
]

# ---- write ----

HEADERS = {
    "zones": "code,name,office,established_on",
    "units": "code,kind,name,parent,established_on,posts,guiding_office,supervising_group,"
             "supervised_since,zone",
    "supervision": "unit,group,from,to",
    "people": "code,name,gender,birth_date,education,specialties,work_start,unit,post,"
              "post_since,vetted_on",
    "assignments": "person,unit,post,from,to,reason",
    "roles": "person,role,unit",
    "trainings": "person,course,organizer,date,hours",
    "activities": "group,unit,date,kind,subkind,count,note",
    "attendance": "kind,held_on,title,group,attended,note",
    "letters": "code,kind,issuer,unit,issued_on,reply_due,replied_on",
    "problems": "letter,seq,description,state,rectified_on,verified_on",
    "clues": "number,received_on,source,handling_unit,subject_name,subject_unit,subject_level,"
             "disposal,disposed_on,filed_on",
    "outcomes": "clue,subject_name,outcome,detail,months,decided_on",
    "vettings": "person,vetted_on,passed,note",
    "transfer_talks": "person,talked_on,talked_by,note",
    "mentoring": "mentor,mentee,from,to",
    "accountability": "person,group,decided_on,measure,reason",
    "integrity_files": "code,name,unit,position,level,key_minority,focus_tags",
    "integrity_entries": "file,kind,date,summary",
    "liaisons": "group,leader,from,to",
}


def cell(value):
    value = str(value)
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


for kind, header in HEADERS.items():
    width = len(header.split(","))
    with open(os.path.join(OUT, kind + ".csv"), "w", encoding="utf-8", newline="") as f:
        f.write(header + "\n")
        for row in rows[kind]:
            assert len(row) == width, (kind, row)
            f.write(",".join(cell(v) for v in row) + "\n")

# ---- the living city's 2021 regime (live/, walked through the RPCs by scripts/load-demo) ----
# Monthly reports (一报告) of every group: most on time (due the 5th), some late, a few
# missing; and the assessor's scores of the manual tasks of the 2021 group assessment.
# A generator of its own, so the ledgers above stay byte for byte what they were.

live_rng = random.Random(2021)
LIVE = os.path.join(OUT, "live")
os.makedirs(LIVE, exist_ok=True)
GROUPS = ["G%02d" % n for n in range(1, 11)]
with open(os.path.join(LIVE, "monthly-reports-2021.csv"), "w", encoding="utf-8",
          newline="") as f:
    f.write("group,month,submitted_on,summary\n")
    for n, group in enumerate(GROUPS):
        for month in range(1, 13):
            roll = live_rng.random()
            if roll < 0.04 * (n % 3):  # G02, G03, G05, ...: now and then no report at all
                continue
            day = 3 if roll < 0.85 else 8 + live_rng.randint(0, 10)  # late after the 5th
            f.write("%s,2021-%02d,2021-%02d-%02d,2021年%d月工作计划及上月工作情况\n"
                    % (group, month, month, day, month))

import json  # noqa: E402  (only this part reads the scheme)

with open(os.path.join(OUT, "..", "schemes", "group-v1.json"), encoding="utf-8") as f:
    scheme = json.load(f)
manual = [(t["code"], t["points"]) for a in scheme["aspects"] for t in a["tasks"]
          if t["rule"]["kind"] == "manual"]
manual += [(b["code"], b["points"]) for b in scheme.get("bonus", [])
           if b["rule"]["kind"] == "manual"]
with open(os.path.join(LIVE, "assessment-2021.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("target,task,points,justification\n")
    for group in GROUPS:
        for code, points in manual:
            if code.startswith("X"):  # a bonus item: few groups earn it
                score = live_rng.choice([0, 0, 0, 1, points])
            else:
                score = points - live_rng.choice([0, 0, 0, 0.5, 1])
            off = points - score
            why = ("查阅台账和相关材料，工作落实到位" if not code.startswith("X") else
                   "经评审认定") if off == 0 else \
                ("查阅台账，部分工作推进不够有力，酌情扣%g分" % off if not code.startswith("X")
                 else ("经评审认定，酌情加%g分" % score if score else "未报送相关材料，不予加分"))
            f.write("%s,%s,%g,%s\n" % (group, code, score, why))
