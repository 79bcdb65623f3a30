-- 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
INSERT INTO calendar_year (year, official, source) VALUES
  (2026, TRUE, '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）'),
  (2027, FALSE, '仅含《全国年节及纪念日放假办法》规定的法定节日；调休安排待国务院通知发布后录入');

INSERT INTO calendar_day (day, kind, name) VALUES
  ('2026-01-01', 'holiday', '元旦'), ('2026-01-02', 'holiday', '元旦'), ('2026-01-03', 'holiday', '元旦'),
  ('2026-01-04', 'workday', '元旦调休上班'),
  ('2026-02-14', 'workday', '春节调休上班'),
  ('2026-02-15', 'holiday', '春节'), ('2026-02-16', 'holiday', '春节'), ('2026-02-17', 'holiday', '春节'),
  ('2026-02-18', 'holiday', '春节'), ('2026-02-19', 'holiday', '春节'), ('2026-02-20', 'holiday', '春节'),
  ('2026-02-21', 'holiday', '春节'), ('2026-02-22', 'holiday', '春节'), ('2026-02-23', 'holiday', '春节'),
  ('2026-02-28', 'workday', '春节调休上班'),
  ('2026-04-04', 'holiday', '清明节'), ('2026-04-05', 'holiday', '清明节'), ('2026-04-06', 'holiday', '清明节'),
  ('2026-05-01', 'holiday', '劳动节'), ('2026-05-02', 'holiday', '劳动节'), ('2026-05-03', 'holiday', '劳动节'),
  ('2026-05-04', 'holiday', '劳动节'), ('2026-05-05', 'holiday', '劳动节'),
  ('2026-05-09', 'workday', '劳动节调休上班'),
  ('2026-06-19', 'holiday', '端午节'), ('2026-06-20', 'holiday', '端午节'), ('2026-06-21', 'holiday', '端午节'),
  ('2026-09-20', 'workday', '国庆节调休上班'),
  ('2026-09-25', 'holiday', '中秋节'), ('2026-09-26', 'holiday', '中秋节'), ('2026-09-27', 'holiday', '中秋节'),
  ('2026-10-01', 'holiday', '国庆节'), ('2026-10-02', 'holiday', '国庆节'), ('2026-10-03', 'holiday', '国庆节'),
  ('2026-10-04', 'holiday', '国庆节'), ('2026-10-05', 'holiday', '国庆节'), ('2026-10-06', 'holiday', '国庆节'),
  ('2026-10-07', 'holiday', '国庆节'),
  ('2026-10-10', 'workday', '国庆节调休上班');

-- 2027, provisional: the statutory days fixed by 《全国年节及纪念日放假办法》 (2025 revision) that fall
-- on weekdays. Swapped working days are unknown until the State Council's notice; the platform
-- warns administrators while 2027 is not marked official.
INSERT INTO calendar_day (day, kind, name) VALUES
  ('2027-01-01', 'holiday', '元旦'),
  ('2027-02-05', 'holiday', '春节（除夕）'), ('2027-02-08', 'holiday', '春节'),
  ('2027-04-05', 'holiday', '清明节'),
  ('2027-06-09', 'holiday', '端午节'),
  ('2027-09-15', 'holiday', '中秋节'),
  ('2027-10-01', 'holiday', '国庆节');

INSERT INTO setting (key, value) VALUES
  ('working_hours', '"09:00-12:00,13:30-17:30"'),
  ('deadlines', '{"signWorkingDays": 1, "urgentSignMinutes": 30, "urgentDueHours": 24, "dueWorkingDays": {"consult": 2, "help": 10, "suggestion": 10, "complaint": 15, "report": 15, "praise": 10}}');
