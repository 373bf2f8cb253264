#!/usr/bin/env python3
"""Fills the store msftchina made at DB_FILE (a SQLite file at the newest schema) with ROWS
questions as serve records them, spread evenly over the DAYS days before now, in one INSERT per
table through a recursive CTE (about 3 s for a million). A third of them are refusals: one in
eight of those is one of 30 well-known wordings (the gaps an admin should see first), the rest
rarer wordings of 200,000 others, with four reasons and 5,000 things missing. The answered ones
show one to three of the report's statements with their scores. Plus ROWS / 50 votes, a quarter
of them down, and a count of dropped records per day.
Usage: store_fill.py DB_FILE ROWS [DAYS] [AGE_DAYS]
(AGE_DAYS: how old the newest row is, default 0; more than the retention makes rows to clean up)"""
import sqlite3
import sys
import time

db, rows = sys.argv[1], int(sys.argv[2])
days = float(sys.argv[3]) if len(sys.argv) > 3 else 88.0
age = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
now = int(time.time() * 1000) - int(age * 86_400_000)
span = int(days * 86_400_000)
c = sqlite3.connect(db)
c.execute("PRAGMA journal_mode=WAL")
c.execute("PRAGMA synchronous=OFF")
ids = ",".join("'msft-china-ai:%d.%d'" % (p, s) for p, s in
               [(1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (3, 2), (4, 1), (4, 2), (5, 1), (5, 2), (6, 1), (6, 2)])
c.execute("CREATE TEMP TABLE ids (n INTEGER PRIMARY KEY, id TEXT)")
c.executemany("INSERT INTO ids VALUES (?, ?)", [(i, v.strip("'")) for i, v in enumerate(ids.split(","))])
c.execute(f"""
INSERT INTO questions (asked_at, surface, team_id, channel_id, user_id, question, statements,
                       reason, missing, strength, millis)
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {rows} - 1),
r AS (SELECT i, {now} - {span} + (i * {span} / {rows}) AS at, i % 3 = 0 AS refused,
             CASE WHEN i % 8 = 0 THEN (i / 24) % 30 ELSE (i * 7919) % 200000 END AS k FROM n)
SELECT at,
       CASE i % 5 WHEN 0 THEN 'slash' WHEN 1 THEN 'mention' WHEN 2 THEN 'dm'
                  WHEN 3 THEN 'shortcut' ELSE 'find' END,
       'T0BENCH', 'C' || (i % 40), 'U' || (i % 3000),
       CASE WHEN refused THEN 'how much does Company' || k || ' spend on Azure AI in ' || (2000 + k % 25) || '?'
            ELSE 'who is Microsoft''s biggest AI customer in China, question ' || (i % 1000) || '?' END,
       CASE WHEN refused THEN ''
            ELSE (SELECT id FROM ids WHERE n = i % 12) || ' ' || (1 + (i % 997) / 400.0)
                 || CASE WHEN i % 3 = 2 THEN ',' || (SELECT id FROM ids WHERE n = (i + 5) % 12) || ' 1.1'
                         || ',' || (SELECT id FROM ids WHERE n = (i + 7) % 12) || ' 0.9' ELSE '' END END,
       CASE WHEN NOT refused THEN NULL WHEN k % 4 = 0 THEN 'NAME_NOT_IN_REPORT'
            WHEN k % 4 = 1 THEN 'WORDS_NOT_IN_REPORT' WHEN k % 4 = 2 THEN 'DETAIL_NOT_IN_REPORT'
            ELSE 'NEGATED' END,
       CASE WHEN refused AND k % 4 IN (0, 2) THEN 'a figure for Company' || (k % 5000) ELSE NULL END,
       CASE WHEN refused THEN 'NOT_IN_REPORT' WHEN i % 3 = 2 THEN 'PARTIAL' ELSE 'STRONG' END,
       (i * 31) % 150 + (CASE WHEN i % 100 = 0 THEN 900 ELSE 0 END)
FROM r""")
votes = max(1, rows // 50)
c.execute(f"""
INSERT INTO votes (user_id, question_key, statement, question, vote, voted_at)
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {votes} - 1)
SELECT 'U' || i, 'k' || (i % 5000), (SELECT id FROM ids WHERE n = i % 12),
       'who is Microsoft''s biggest AI customer in China, question ' || (i % 5000) || '?',
       CASE WHEN i % 4 = 0 THEN -1 ELSE 1 END, {now} - {span} + (i * {span} / {votes}) FROM n""")
c.execute(f"""
INSERT INTO counts (day, kind, name, n)
WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < {int(days)})
SELECT ({now} - i * 86400000) / 86400000, 'dropped', '', 1 FROM d""")
c.commit()
c.close()
