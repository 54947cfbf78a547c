-- orgs.insert
insert into "orgs" ("id", "parent_id", "name", "kind", "path", "depth", "profile_id", "created_at", "updated_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?);
-- orgs.get
select * from "orgs" where "id" = ?;
-- orgs.listSubtree
select * from "orgs" where "path" like ? escape '\' order by "depth", "name";
-- orgs.listByIds
select * from "orgs" where "id" in (?, ?);
-- orgs.count
select count(*) as "n" from "orgs";
-- orgs.findUnitsByName
select * from "orgs" where "kind" = ? and "name" = ? and "path" like ? escape '\';
-- orgs.update
update "orgs" set "name" = ?, "updated_at" = ? where "id" = ?;
-- users.insert
insert into "users" ("id", "username", "display_name", "password_hash", "role", "org_id", "active", "created_at", "updated_at", "must_change_password", "password_changed_at", "demo") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
-- users.get
select "u"."id", "u"."username", "u"."display_name", "u"."role", "u"."org_id", "o"."name" as "org_name", "u"."active", "u"."created_at", "u"."updated_at", "o"."path" as "org_path" from "users" as "u" inner join "orgs" as "o" on "o"."id" = "u"."org_id" where "u"."id" = ?;
-- users.getCredentials
select "id", "password_hash", "active", "demo" from "users" where "username" = ?;
-- users.getByUsername
select "u"."id", "u"."username", "u"."display_name", "u"."role", "u"."org_id", "o"."name" as "org_name", "u"."active", "u"."created_at", "u"."updated_at", "o"."path" as "org_path" from "users" as "u" inner join "orgs" as "o" on "o"."id" = "u"."org_id" where "u"."username" = ?;
-- users.setPassword
update "users" set "password_hash" = ?, "password_changed_at" = ?, "must_change_password" = ?, "updated_at" = ? where "id" = ?;
insert into "password_history" ("id", "user_id", "password_hash", "created_at") values (?, ?, ?, ?);
select "id" from "password_history" where "user_id" = ? order by "created_at" desc, "id" desc limit ? offset ?;
-- users.passwordHistory
select "password_hash" from "password_history" where "user_id" = ? order by "created_at" desc, "id" desc limit ?;
-- users.listAll
select "u"."id", "u"."username", "u"."display_name", "u"."role", "u"."org_id", "o"."name" as "org_name", "u"."active", "u"."created_at", "u"."updated_at", "o"."path" as "org_path", "u"."must_change_password" from "users" as "u" inner join "orgs" as "o" on "o"."id" = "u"."org_id" order by "o"."path", "u"."username";
-- users.passwordHash
select "password_hash" from "users" where "id" = ?;
-- users.listInScope
select "u"."id", "u"."username", "u"."display_name", "u"."role", "u"."org_id", "o"."name" as "org_name", "u"."active", "u"."created_at", "u"."updated_at" from "users" as "u" inner join "orgs" as "o" on "o"."id" = "u"."org_id" where "o"."path" like ? escape '\' order by "o"."depth", "u"."username";
-- users.update
update "users" set "display_name" = ?, "active" = ?, "updated_at" = ? where "id" = ?;
-- sessions.insert
insert into "sessions" ("id", "user_id", "csrf_token", "created_at", "expires_at", "last_seen_at") values (?, ?, ?, ?, ?, ?);
-- sessions.getActive
select "s"."id" as "session_id", "s"."csrf_token", "s"."created_at" as "session_created_at", "s"."expires_at", "s"."last_seen_at", "u"."id", "u"."username", "u"."display_name", "u"."role", "u"."org_id", "u"."active", "u"."created_at", "u"."updated_at", "u"."must_change_password", "u"."password_changed_at", "u"."demo", "o"."name" as "org_name", "o"."kind" as "org_kind", "o"."path" as "org_path" from "sessions" as "s" inner join "users" as "u" on "u"."id" = "s"."user_id" inner join "orgs" as "o" on "o"."id" = "u"."org_id" where "s"."id" = ? and "s"."expires_at" > ?;
-- sessions.touch
update "sessions" set "last_seen_at" = ?, "expires_at" = ? where "id" = ?;
-- sessions.deleteForUser
delete from "sessions" where "user_id" = ? and "id" <> ?;
-- sessions.deleteExpired
delete from "sessions" where "expires_at" <= ?;
-- sessions.delete
delete from "sessions" where "id" = ?;
-- loginThrottle.hit
insert into "login_throttle" ("key", "attempts", "window_start") values (?, ?, ?) on conflict ("key") do update set "attempts" = case when login_throttle.window_start <= ? then 1 else login_throttle.attempts + 1 end, "window_start" = case when login_throttle.window_start <= ? then ? when login_throttle.attempts + 1 = ? then ? else login_throttle.window_start end returning "attempts", "window_start";
-- loginThrottle.get
select "attempts", "window_start" from "login_throttle" where "key" = ?;
-- loginThrottle.release
update "login_throttle" set "attempts" = attempts - 1 where "key" = ? and "attempts" > ?;
-- loginThrottle.take
delete from "login_throttle" where "key" = ? returning "attempts";
-- loginThrottle.prune
delete from "login_throttle" where "window_start" <= ?;
-- projects.insert
insert into "projects" ("id", "org_id", "name", "code", "created_at", "updated_at") values (?, ?, ?, ?, ?, ?);
-- projects.get
select "p"."id", "p"."org_id", "o"."name" as "org_name", "o"."path" as "org_path", "p"."name", "p"."code", "p"."created_at", "p"."updated_at", (select count(*) as "n" from "forms" as "f" where "f"."project_id" = "p"."id") as "form_count" from "projects" as "p" inner join "orgs" as "o" on "o"."id" = "p"."org_id" where "p"."id" = ?;
-- projects.findByName
select "id" from "projects" where "org_id" = ? and "name" = ?;
-- projects.list
select count(*) as "n" from "projects" as "p" inner join "orgs" as "o" on "o"."id" = "p"."org_id" where "o"."path" like ? escape '\' and "p"."name" like ? escape '\';
select "p"."id" from "projects" as "p" inner join "orgs" as "o" on "o"."id" = "p"."org_id" where "o"."path" like ? escape '\' and "p"."name" like ? escape '\' order by "p"."name", "p"."id" limit ? offset ?;
select "p"."id", "p"."org_id", "o"."name" as "org_name", "o"."path" as "org_path", "p"."name", "p"."code", "p"."created_at", "p"."updated_at", (select count(*) as "n" from "forms" as "f" where "f"."project_id" = "p"."id") as "form_count" from "projects" as "p" inner join "orgs" as "o" on "o"."id" = "p"."org_id" where "p"."id" in (?) order by "p"."name", "p"."id";
-- projects.update
update "projects" set "code" = ?, "updated_at" = ? where "id" = ?;
-- forms.insert
insert into "forms" ("id", "project_id", "org_id", "year", "kind", "version", "status", "revision", "project_name", "profile_id", "self_total", "execution_rate", "search_text", "rule_total", "grade", "finding_count", "error_count", "f_arithmetic", "f_structure", "f_scoring", "f_cross_field", "f_narrative", "f_value", "f_target_quality", "f_monitoring", "f_cross_stage", "evaluated_revision", "eval_pending", "created_at", "created_by", "updated_at", "updated_by") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
insert into "form_indicators" ("form_id", "position", "year", "org_id", "level1", "level2", "name", "target", "actual", "weight", "score", "missed") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
-- revisions.insert
insert into "revisions" ("form_id", "revision", "data", "note", "created_at", "created_by") values (?, ?, ?, ?, ?, ?);
-- forms.getHead
select "f"."id", "f"."project_id", "f"."org_id", "o"."path", "f"."year", "f"."kind", "f"."version", "f"."status", "f"."revision", "f"."profile_id" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" where "f"."id" = ?;
-- forms.getDetail
select "f"."id", "f"."project_id", "f"."project_name", "f"."org_id", "o"."name" as "org_name", "o"."path" as "org_path", "f"."year", "f"."kind", "f"."version", "f"."status", "f"."revision", "f"."self_total", "f"."execution_rate", "f"."rule_total", "f"."grade", "f"."finding_count", "f"."error_count", "f"."evaluated_revision", "f"."profile_id", "f"."updated_at", "uu"."id" as "updated_by_id", "uu"."username" as "updated_by_username", "uu"."display_name" as "updated_by_name", "r"."created_at" as "revision_created_at", "f"."created_at", "cu"."id" as "created_by_id", "cu"."username" as "created_by_username", "cu"."display_name" as "created_by_name" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" inner join "users" as "uu" on "uu"."id" = "f"."updated_by" inner join "revisions" as "r" on "r"."form_id" = "f"."id" and "r"."revision" = "f"."revision" inner join "users" as "cu" on "cu"."id" = "f"."created_by" where "f"."id" = ?;
select cast("r"."data" as blob) as "data_bytes" from "revisions" as "r" where "r"."form_id" = ? and "r"."revision" = ?;
-- forms.getSummary
select "f"."id", "f"."project_id", "f"."project_name", "f"."org_id", "o"."name" as "org_name", "o"."path" as "org_path", "f"."year", "f"."kind", "f"."version", "f"."status", "f"."revision", "f"."self_total", "f"."execution_rate", "f"."rule_total", "f"."grade", "f"."finding_count", "f"."error_count", "f"."evaluated_revision", "f"."profile_id", "f"."updated_at", "uu"."id" as "updated_by_id", "uu"."username" as "updated_by_username", "uu"."display_name" as "updated_by_name" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" inner join "users" as "uu" on "uu"."id" = "f"."updated_by" where "f"."id" = ?;
-- forms.getData
select "r"."data", "f"."revision" from "forms" as "f" inner join "revisions" as "r" on "r"."form_id" = "f"."id" and "r"."revision" = "f"."revision" where "f"."id" = ?;
-- forms.findExisting
select "id" from "forms" where "project_id" = ? and "year" = ? and "kind" = ? and "version" = ?;
select "f"."id", "f"."project_id", "f"."org_id", "o"."path", "f"."year", "f"."kind", "f"."version", "f"."status", "f"."revision", "f"."profile_id" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" where "f"."id" = ?;
-- findFormsByProjectName
select "f"."id", "f"."revision", "f"."org_id" from "forms" as "f" inner join "projects" as "p" on "p"."id" = "f"."project_id" inner join "orgs" as "o" on "o"."id" = "f"."org_id" where "p"."name" = ? and "f"."year" = ? and "f"."kind" = ? and "o"."path" like ? escape '\';
-- forms.updateContent
update "forms" set "revision" = "revision" + ?, "year" = ?, "kind" = ?, "project_name" = ?, "self_total" = ?, "execution_rate" = ?, "search_text" = ?, "eval_pending" = ?, "profile_id" = coalesce(?, "profile_id"), "updated_at" = ?, "updated_by" = ? where "id" = ? and "revision" = ? and "status" in (?, ?);
select "position", "year", "org_id", "level1", "level2", "name", "target", "actual", "weight", "score" from "form_indicators" where "form_id" = ?;
update "form_indicators" set "level1" = ?, "level2" = ?, "name" = ?, "target" = ?, "actual" = ?, "weight" = ?, "score" = ?, "missed" = ? where "form_id" = ? and "position" = ?;
insert into "form_indicators" ("form_id", "position", "year", "org_id", "level1", "level2", "name", "target", "actual", "weight", "score", "missed") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
-- forms.indicators
select "position", "level1", "level2", "name", "target", "actual", "weight", "score", "missed" from "form_indicators" where "form_id" = ? order by "position";
-- revisions.list
select "r"."form_id", "r"."revision", "r"."note", "r"."created_at", "u"."id" as "user_id", "u"."username", "u"."display_name" from "revisions" as "r" inner join "users" as "u" on "u"."id" = "r"."created_by" where "r"."form_id" = ? order by "r"."revision" desc;
-- revisions.get
select "r"."form_id", "r"."revision", "r"."note", "r"."created_at", "u"."id" as "user_id", "u"."username", "u"."display_name", "r"."data" from "revisions" as "r" inner join "users" as "u" on "u"."id" = "r"."created_by" where "r"."form_id" = ? and "r"."revision" = ?;
-- revisions.count
select count(*) as "n" from "revisions" where "form_id" = ?;
-- forms.list
select count(*) as "n" from "forms" as "f" where "f"."org_id" || '' in (select "so"."id" from "orgs" as "so" where "so"."path" like ? escape '\') and "f"."year" = ? and "f"."status" = ? and "f"."search_text" like ? escape '\';
select "f"."id" from "forms" as "f" where "f"."org_id" || '' in (select "so"."id" from "orgs" as "so" where "so"."path" like ? escape '\') and "f"."year" = ? and "f"."status" = ? and "f"."search_text" like ? escape '\' order by "f"."updated_at" desc, "f"."id" desc limit ? offset ?;
select "f"."id", "f"."project_id", "f"."project_name", "f"."org_id", "o"."name" as "org_name", "o"."path" as "org_path", "f"."year", "f"."kind", "f"."version", "f"."status", "f"."revision", "f"."self_total", "f"."execution_rate", "f"."rule_total", "f"."grade", "f"."finding_count", "f"."error_count", "f"."evaluated_revision", "f"."profile_id", "f"."updated_at", "uu"."id" as "updated_by_id", "uu"."username" as "updated_by_username", "uu"."display_name" as "updated_by_name" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" inner join "users" as "uu" on "uu"."id" = "f"."updated_by" where "f"."id" in (?) order by "f"."updated_at" desc, "f"."id" desc;
-- forms.pendingEvaluations
select "f"."id", "f"."revision", "r"."data", "f"."profile_id", "f"."project_id", "f"."year" from "forms" as "f" inner join "revisions" as "r" on "r"."form_id" = "f"."id" and "r"."revision" = "f"."revision" where "f"."eval_pending" = ? order by "f"."updated_at" limit ?;
-- forms.writeEvaluation
update "forms" set "rule_total" = ?, "grade" = ?, "finding_count" = ?, "error_count" = ?, "f_arithmetic" = ?, "f_structure" = ?, "f_scoring" = ?, "f_cross_field" = ?, "f_narrative" = ?, "f_value" = ?, "f_target_quality" = ?, "f_monitoring" = ?, "f_cross_stage" = ?, "evaluated_revision" = ?, "eval_pending" = ? where "id" = ? and "revision" = ?;
-- forms.countPending
select count(*) as "n" from "forms" where "eval_pending" = ?;
-- forms.count
select count(*) as "n" from "forms";
-- forms.markEvaluationFailed
update "forms" set "rule_total" = ?, "grade" = ?, "finding_count" = ?, "error_count" = ?, "evaluated_revision" = ?, "eval_pending" = ? where "id" = ? and "revision" = ?;
-- dashboard.summary
select "id" from "orgs" where not ("orgs"."path" like ? escape '\') limit ?;
select "year", "status", "grade", count(*) as "forms", sum(case when "eval_pending" = 0 then 1 else 0 end) as "evaluated", sum(case when "finding_count" > 0 then 1 else 0 end) as "with_findings", sum("self_total") as "self_sum", count("self_total") as "self_n", sum("rule_total") as "rule_sum", count("rule_total") as "rule_n", sum("f_arithmetic") as "f0", sum("f_structure") as "f1", sum("f_scoring") as "f2", sum("f_cross_field") as "f3", sum("f_narrative") as "f4", sum("f_value") as "f5", sum("f_target_quality") as "f6", sum("f_monitoring") as "f7", sum("f_cross_stage") as "f8" from "forms" where "year" = ? group by "year", "status", "grade";
-- dashboard.byOrgKind
select "id" from "orgs" where not ("orgs"."path" like ? escape '\') limit ?;
select "org_id", "kind", count(*) as "forms", sum("f_cross_stage") as "cross_stage", sum(case when "f_cross_stage" > 0 then 1 else 0 end) as "with_cross_stage" from "forms" where "year" = ? group by "org_id", "kind";
-- chainForms
select "f"."id", "f"."project_id", "f"."project_name", "f"."org_id", "o"."name" as "org_name", "o"."path" as "org_path", "f"."year", "f"."kind", "f"."version", "f"."status", "f"."revision", "f"."self_total", "f"."execution_rate", "f"."rule_total", "f"."grade", "f"."finding_count", "f"."error_count", "f"."evaluated_revision", "f"."profile_id", "f"."updated_at", "uu"."id" as "updated_by_id", "uu"."username" as "updated_by_username", "uu"."display_name" as "updated_by_name" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" inner join "users" as "uu" on "uu"."id" = "f"."updated_by" where "f"."project_id" = ? and "f"."year" = ? order by "f"."kind", "f"."version", "f"."created_at", "f"."id";
-- currentDataOf
select "f"."id", "r"."data" from "forms" as "f" inner join "revisions" as "r" on "r"."form_id" = "f"."id" and "r"."revision" = "f"."revision" where "f"."id" in (?);
-- markChainPending
update "forms" set "eval_pending" = ? where "project_id" = ? and "year" = ? and "id" != ?;
-- multiFormProjectYears
select "project_id", "year", count(*) as "n" from "forms" where "project_id" in (?) group by "project_id", "year" having count(*) > ?;
-- formsOfKindUnder
select "f"."id", "f"."project_id", "f"."project_name", "f"."org_id", "o"."name" as "org_name", "o"."path" as "org_path", "f"."year", "f"."kind", "f"."version", "f"."status", "f"."revision", "f"."self_total", "f"."execution_rate", "f"."rule_total", "f"."grade", "f"."finding_count", "f"."error_count", "f"."evaluated_revision", "f"."profile_id", "f"."updated_at", "uu"."id" as "updated_by_id", "uu"."username" as "updated_by_username", "uu"."display_name" as "updated_by_name", "f"."f_cross_stage" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" inner join "users" as "uu" on "uu"."id" = "f"."updated_by" where "o"."path" like ? escape '\' and "o"."path" like ? escape '\' and "f"."kind" = ? and "f"."year" = ? order by "o"."path", "f"."project_name", "f"."id";
-- setStatus
update "forms" set "status" = ? where "id" = ? and "status" = ?;
-- dashboard.distributions
select "id" from "orgs" where not ("orgs"."path" like ? escape '\') limit ?;
select case when "execution_rate" is null then -1 when "execution_rate" < 50 then 0 when "execution_rate" < 60 then 1 when "execution_rate" < 70 then 2 when "execution_rate" < 80 then 3 when "execution_rate" < 90 then 4 when "execution_rate" < 95 then 5 when "execution_rate" < 100 then 6 else 7 end as "rate", case when ("self_total" - "rule_total") is null then -1 when ("self_total" - "rule_total") < -5 then 0 when ("self_total" - "rule_total") < -0.005 then 1 when ("self_total" - "rule_total") < 0.005 then 2 when ("self_total" - "rule_total") < 1 then 3 when ("self_total" - "rule_total") < 3 then 4 when ("self_total" - "rule_total") < 5 then 5 when ("self_total" - "rule_total") < 10 then 6 else 7 end as "diff", count(*) as "n" from "forms" where "year" = ? group by "rate", "diff";
-- dashboard.byOrgYear
select "id" from "orgs" where not ("orgs"."path" like ? escape '\') limit ?;
select "org_id", "year", count(*) as "forms", sum("self_total") as "self_sum", count("self_total") as "self_n", sum("rule_total") as "rule_sum", count("rule_total") as "rule_n", sum(case when "finding_count" > 0 then 1 else 0 end) as "with_findings" from "forms" where "year" = ? group by "org_id", "year";
-- reportForms.count
select count(*) as "n" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" where "o"."path" like ? escape '\' and "o"."name" like ? escape '\' and "f"."year" = ? and "f"."status" = ?;
-- reportForms.page
select "f"."id", "o"."name" as "org_name", "f"."status", "f"."profile_id", "r"."data" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" inner join "revisions" as "r" on "r"."form_id" = "f"."id" and "r"."revision" = "f"."revision" where "o"."path" like ? escape '\' and "o"."name" like ? escape '\' and "f"."year" = ? and "f"."status" = ? order by "f"."id" limit ?;
-- dashboard.mostMissed
select "id" from "orgs" where not ("orgs"."path" like ? escape '\') limit ?;
select "level2", "name", count(*) as "n" from "form_indicators" where "missed" = 1 and +"org_id" in (select "orgs"."id" from "orgs" where "orgs"."path" like ? escape '\' and "orgs"."path" like ? escape '\') group by "level2", "name" order by "n" desc, "level2", "name" limit ?;
-- comments.insert
insert into "comments" ("id", "form_id", "revision", "field", "body", "action", "from_status", "to_status", "author_id", "created_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
-- comments.list
select "c"."id", "c"."form_id", "c"."revision", "c"."field", "c"."body", "c"."action", "c"."from_status", "c"."to_status", "c"."created_at", "u"."id" as "user_id", "u"."username", "u"."display_name" from "comments" as "c" inner join "users" as "u" on "u"."id" = "c"."author_id" where "c"."form_id" = ? order by "c"."created_at", "c"."id";
-- evidence.insert
insert into "evidence" ("id", "form_id", "row", "file_name", "content_type", "size", "sha256", "created_by", "created_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?);
-- evidence.list
select "e"."id", "e"."form_id", "e"."row", "e"."file_name", "e"."content_type", "e"."size", "e"."sha256", "e"."created_at", "u"."id" as "user_id", "u"."username", "u"."display_name" from "evidence" as "e" inner join "users" as "u" on "u"."id" = "e"."created_by" where "e"."form_id" = ? order by "e"."row", "e"."created_at";
-- evidence.get
select "e"."id", "e"."form_id", "e"."row", "e"."file_name", "e"."content_type", "e"."size", "e"."sha256", "e"."created_at", "u"."id" as "user_id", "u"."username", "u"."display_name" from "evidence" as "e" inner join "users" as "u" on "u"."id" = "e"."created_by" where "e"."id" = ?;
-- evidence.countBySha
select count(*) as "n" from "evidence" where "sha256" = ?;
-- evidence.delete
delete from "evidence" where "id" = ?;
-- auditLog.insert
begin;
update "audit_head" set "seq" = seq + ? where "id" = ? returning "seq", "hash";
insert into "audit_log" ("id", "seq", "at", "actor_id", "actor_name", "ip", "action", "entity_type", "entity_id", "before", "after", "prev_hash", "hash") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
update "audit_head" set "hash" = ? where "id" = ?;
commit;
-- auditLog.forEntity
select "a"."id", "a"."seq", "a"."at", "a"."actor_name", "a"."ip", "a"."action", "a"."entity_type", "a"."entity_id", "a"."before", "a"."after", "u"."id" as "user_id", "u"."username", "u"."display_name" from "audit_log" as "a" left join "users" as "u" on "u"."id" = "a"."actor_id" where "a"."entity_type" = ? and "a"."entity_id" = ? order by "a"."at", "a"."id";
-- auditLog.list
select count(*) as "n" from "audit_log" as "a" left join "users" as "u" on "u"."id" = "a"."actor_id" left join "orgs" as "o" on "o"."id" = "u"."org_id" where ("o"."path" like ? escape '\' or "a"."actor_id" is null) and "a"."entity_type" = ?;
select "a"."id", "a"."seq", "a"."at", "a"."actor_name", "a"."ip", "a"."action", "a"."entity_type", "a"."entity_id", "a"."before", "a"."after", "u"."id" as "user_id", "u"."username", "u"."display_name" from "audit_log" as "a" left join "users" as "u" on "u"."id" = "a"."actor_id" left join "orgs" as "o" on "o"."id" = "u"."org_id" where ("o"."path" like ? escape '\' or "a"."actor_id" is null) and "a"."entity_type" = ? order by "a"."at" desc, "a"."id" desc limit ? offset ?;
-- jobs.insert
insert into "jobs" ("id", "kind", "status", "total", "processed", "succeeded", "failed", "org_id", "on_existing", "error", "created_by", "created_at", "updated_at", "finished_at", "lease_owner", "lease_expires_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
-- jobs.insertItem
insert into "job_items" ("job_id", "position", "file_name", "content", "status", "form_id", "error", "warning_count") values (?, ?, ?, ?, ?, ?, ?, ?);
-- jobs.claimItems
update "job_items" set "lease_owner" = ?, "lease_expires_at" = ?, "attempts" = "attempts" + ? where ("job_id", "position") in (select "c"."job_id", "c"."position" from "job_items" as "c" where "c"."status" = ? and ("c"."lease_expires_at" is null or "c"."lease_expires_at" < ?) and exists (select "jobs"."id" from "jobs" where "jobs"."id" = "c"."job_id" and "jobs"."status" in (?, ?)) order by "c"."position", "c"."job_id" limit ?) returning "job_id", "position", "file_name", "content", "attempts", (select "jobs"."status" from "jobs" where "jobs"."id" = "job_items"."job_id") as "job_status";
update "jobs" set "status" = ?, "updated_at" = ? where "id" in (?) and "status" = ?;
-- jobs.renewItems
update "job_items" set "lease_expires_at" = ? where "job_id" = ? and "position" in (?, ?) and "lease_owner" = ? and "status" = ?;
-- jobs.completeItem
update "job_items" set "status" = ?, "form_id" = ?, "error" = ?, "warning_count" = ?, "content" = ?, "lease_owner" = ?, "lease_expires_at" = ? where "job_id" = ? and "position" = ? and "lease_owner" = ? and "status" = ?;
update "jobs" set "processed" = "processed" + ?, "succeeded" = "succeeded" + ?, "failed" = "failed" + ?, "updated_at" = ?, "status" = case when "processed" + 1 >= "total" then ? else "status" end, "finished_at" = case when "processed" + 1 >= "total" then ? else "finished_at" end where "id" = ? and "status" in (?, ?);
-- jobs.get
select "j"."id", "j"."kind", "j"."status", "j"."total", "j"."processed", "j"."succeeded", "j"."failed", "j"."org_id", "j"."on_existing", "j"."error", "j"."created_at", "j"."updated_at", "j"."finished_at", "u"."id" as "user_id", "u"."username", "u"."display_name", "o"."path" as "org_path" from "jobs" as "j" inner join "users" as "u" on "u"."id" = "j"."created_by" inner join "orgs" as "o" on "o"."id" = "u"."org_id" where "j"."id" = ?;
-- jobs.list
select count(*) as "n" from "jobs" as "j" inner join "users" as "u" on "u"."id" = "j"."created_by" inner join "orgs" as "o" on "o"."id" = "u"."org_id" where "o"."path" like ? escape '\';
select "j"."id", "j"."kind", "j"."status", "j"."total", "j"."processed", "j"."succeeded", "j"."failed", "j"."org_id", "j"."on_existing", "j"."error", "j"."created_at", "j"."updated_at", "j"."finished_at", "u"."id" as "user_id", "u"."username", "u"."display_name", "o"."path" as "org_path" from "jobs" as "j" inner join "users" as "u" on "u"."id" = "j"."created_by" inner join "orgs" as "o" on "o"."id" = "u"."org_id" where "o"."path" like ? escape '\' order by "j"."created_at" desc, "j"."id" limit ? offset ?;
-- jobs.items
select "position", "file_name", "status", "form_id", "error", "warning_count" from "job_items" where "job_id" = ? order by "position";
-- jobs.cancel
update "jobs" set "status" = ?, "finished_at" = ?, "updated_at" = ?, "lease_owner" = ?, "lease_expires_at" = ? where "id" = ? and "status" in (?, ?);
-- jobs.fail
update "jobs" set "status" = ?, "error" = ?, "finished_at" = ?, "updated_at" = ? where "id" = ? and "status" in (?, ?);
-- forms.updateStatus
update "forms" set "status" = ?, "updated_at" = ?, "updated_by" = ? where "id" = ? and "status" = ? and "revision" = ?;
-- forms.delete
delete from "forms" where "id" = ? and "status" = ? and "revision" = ?;
