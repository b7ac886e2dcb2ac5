-- The catalogue as shipped: the files of the report's 内业管理 duties; a place that keeps
-- others adds them in a later migration.
INSERT INTO file_catalogue (code, title) VALUES
  ('F01', '工作制度汇编'),
  ('F02', '年度工作计划和总结'),
  ('F03', '月度工作报告（上月工作、本月计划）'),
  ('F04', '列席驻在单位会议记录'),
  ('F05', '谈心谈话记录'),
  ('F06', '廉政风险点台账'),
  ('F07', '专项整治（专项监督）工作资料'),
  ('F08', '问题线索处置台账'),
  ('F09', '纪检监察建议书及整改资料'),
  ('F10', '学习培训记录'),
  ('F11', '“三例会”会议材料'),
  ('F12', '廉政档案');
