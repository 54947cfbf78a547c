-- orgs.insert
insert into "orgs" ("id", "parent_id", "name", "kind", "path", "depth", "profile_id", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9);
-- orgs.get
select * from "orgs" where "id" = $1;
-- orgs.listSubtree
select * from "orgs" where "path" like $1 escape '\' order by "depth", "name";
-- orgs.listByIds
select * from "orgs" where "id" in ($1, $2);
-- orgs.count
select count(*) as "n" from "orgs";
-- orgs.findUnitsByName
select * from "orgs" where "kind" = $1 and "name" = $2 and "path" like $3 escape '\';
-- orgs.update
update "orgs" set "name" = $1, "updated_at" = $2 where "id" = $3;
-- users.insert
insert into "users" ("id", "username", "display_name", "password_hash", "role", "org_id", "active", "created_at", "updated_at", "must_change_password", "password_changed_at", "demo") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);
-- users.get
select "u"."id", "u"."username", "u"."display_name", "u"."role", "u"."org_id", "o"."name" as "org_name", "u"."active", "u"."created_at", "u"."updated_at", "o"."path" as "org_path" from "users" as "u" inner join "orgs" as "o" on "o"."id" = "u"."org_id" where "u"."id" = $1;
-- users.getCredentials
select "id", "password_hash", "active", "demo" from "users" where "username" = $1;
-- users.getByUsername
select "u"."id", "u"."username", "u"."display_name", "u"."role", "u"."org_id", "o"."name" as "org_name", "u"."active", "u"."created_at", "u"."updated_at", "o"."path" as "org_path" from "users" as "u" inner join "orgs" as "o" on "o"."id" = "u"."org_id" where "u"."username" = $1;
-- users.setPassword
update "users" set "password_hash" = $1, "password_changed_at" = $2, "must_change_password" = $3, "updated_at" = $4 where "id" = $5;
insert into "password_history" ("id", "user_id", "password_hash", "created_at") values ($1, $2, $3, $4);
select "id" from "password_history" where "user_id" = $1 order by "created_at" desc, "id" desc limit $2 offset $3;
-- users.passwordHistory
select "password_hash" from "password_history" where "user_id" = $1 order by "created_at" desc, "id" desc limit $2;
-- users.listAll
select "u"."id", "u"."username", "u"."display_name", "u"."role", "u"."org_id", "o"."name" as "org_name", "u"."active", "u"."created_at", "u"."updated_at", "o"."path" as "org_path", "u"."must_change_password" from "users" as "u" inner join "orgs" as "o" on "o"."id" = "u"."org_id" order by "o"."path", "u"."username";
-- users.passwordHash
select "password_hash" from "users" where "id" = $1;
-- users.listInScope
select "u"."id", "u"."username", "u"."display_name", "u"."role", "u"."org_id", "o"."name" as "org_name", "u"."active", "u"."created_at", "u"."updated_at" from "users" as "u" inner join "orgs" as "o" on "o"."id" = "u"."org_id" where "o"."path" like $1 escape '\' order by "o"."depth", "u"."username";
-- users.update
update "users" set "display_name" = $1, "active" = $2, "updated_at" = $3 where "id" = $4;
-- sessions.insert
insert into "sessions" ("id", "user_id", "csrf_token", "created_at", "expires_at", "last_seen_at") values ($1, $2, $3, $4, $5, $6);
-- sessions.getActive
select "s"."id" as "session_id", "s"."csrf_token", "s"."created_at" as "session_created_at", "s"."expires_at", "s"."last_seen_at", "u"."id", "u"."username", "u"."display_name", "u"."role", "u"."org_id", "u"."active", "u"."created_at", "u"."updated_at", "u"."must_change_password", "u"."password_changed_at", "u"."demo", "o"."name" as "org_name", "o"."kind" as "org_kind", "o"."path" as "org_path" from "sessions" as "s" inner join "users" as "u" on "u"."id" = "s"."user_id" inner join "orgs" as "o" on "o"."id" = "u"."org_id" where "s"."id" = $1 and "s"."expires_at" > $2;
-- sessions.touch
update "sessions" set "last_seen_at" = $1, "expires_at" = $2 where "id" = $3;
-- sessions.deleteForUser
delete from "sessions" where "user_id" = $1 and "id" <> $2;
-- sessions.deleteExpired
delete from "sessions" where "expires_at" <= $1;
-- sessions.delete
delete from "sessions" where "id" = $1;
-- loginThrottle.hit
insert into "login_throttle" ("key", "attempts", "window_start") values ($1, $2, $3) on conflict ("key") do update set "attempts" = case when login_throttle.window_start <= $4 then 1 else login_throttle.attempts + 1 end, "window_start" = case when login_throttle.window_start <= $5 then $6 when login_throttle.attempts + 1 = $7 then $8 else login_throttle.window_start end returning "attempts", "window_start";
-- loginThrottle.get
select "attempts", "window_start" from "login_throttle" where "key" = $1;
-- loginThrottle.release
update "login_throttle" set "attempts" = attempts - 1 where "key" = $1 and "attempts" > $2;
-- loginThrottle.take
delete from "login_throttle" where "key" = $1 returning "attempts";
-- loginThrottle.prune
delete from "login_throttle" where "window_start" <= $1;
-- projects.insert
insert into "projects" ("id", "org_id", "name", "code", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6);
-- projects.get
select "p"."id", "p"."org_id", "o"."name" as "org_name", "o"."path" as "org_path", "p"."name", "p"."code", "p"."created_at", "p"."updated_at", (select count(*) as "n" from "forms" as "f" where "f"."project_id" = "p"."id") as "form_count" from "projects" as "p" inner join "orgs" as "o" on "o"."id" = "p"."org_id" where "p"."id" = $1;
-- projects.findByName
select "id" from "projects" where "org_id" = $1 and "name" = $2;
-- projects.list
select count(*) as "n" from "projects" as "p" inner join "orgs" as "o" on "o"."id" = "p"."org_id" where "o"."path" like $1 escape '\' and "p"."name" like $2 escape '\';
select "p"."id" from "projects" as "p" inner join "orgs" as "o" on "o"."id" = "p"."org_id" where "o"."path" like $1 escape '\' and "p"."name" like $2 escape '\' order by "p"."name", "p"."id" limit $3 offset $4;
select "p"."id", "p"."org_id", "o"."name" as "org_name", "o"."path" as "org_path", "p"."name", "p"."code", "p"."created_at", "p"."updated_at", (select count(*) as "n" from "forms" as "f" where "f"."project_id" = "p"."id") as "form_count" from "projects" as "p" inner join "orgs" as "o" on "o"."id" = "p"."org_id" where "p"."id" in ($1) order by "p"."name", "p"."id";
-- projects.update
update "projects" set "code" = $1, "updated_at" = $2 where "id" = $3;
-- forms.insert
insert into "forms" ("id", "project_id", "org_id", "year", "kind", "version", "status", "revision", "project_name", "profile_id", "self_total", "execution_rate", "search_text", "rule_total", "grade", "finding_count", "error_count", "f_arithmetic", "f_structure", "f_scoring", "f_cross_field", "f_narrative", "f_value", "f_target_quality", "f_monitoring", "f_cross_stage", "evaluated_revision", "eval_pending", "created_at", "created_by", "updated_at", "updated_by") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32);
insert into "form_indicators" ("form_id", "position", "year", "org_id", "level1", "level2", "name", "target", "actual", "weight", "score", "missed") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12), ($13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24), ($25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36);
-- revisions.insert
insert into "revisions" ("form_id", "revision", "data", "note", "created_at", "created_by") values ($1, $2, $3, $4, $5, $6);
-- forms.getHead
select "f"."id", "f"."project_id", "f"."org_id", "o"."path", "f"."year", "f"."kind", "f"."version", "f"."status", "f"."revision", "f"."profile_id" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" where "f"."id" = $1;
-- forms.getDetail
select "f"."id", "f"."project_id", "f"."project_name", "f"."org_id", "o"."name" as "org_name", "o"."path" as "org_path", "f"."year", "f"."kind", "f"."version", "f"."status", "f"."revision", "f"."self_total", "f"."execution_rate", "f"."rule_total", "f"."grade", "f"."finding_count", "f"."error_count", "f"."evaluated_revision", "f"."profile_id", "f"."updated_at", "uu"."id" as "updated_by_id", "uu"."username" as "updated_by_username", "uu"."display_name" as "updated_by_name", "r"."created_at" as "revision_created_at", "f"."created_at", "cu"."id" as "created_by_id", "cu"."username" as "created_by_username", "cu"."display_name" as "created_by_name" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" inner join "users" as "uu" on "uu"."id" = "f"."updated_by" inner join "revisions" as "r" on "r"."form_id" = "f"."id" and "r"."revision" = "f"."revision" inner join "users" as "cu" on "cu"."id" = "f"."created_by" where "f"."id" = $1;
select "r"."data" as "data_bytes" from "revisions" as "r" where "r"."form_id" = $1 and "r"."revision" = $2;
-- forms.getSummary
select "f"."id", "f"."project_id", "f"."project_name", "f"."org_id", "o"."name" as "org_name", "o"."path" as "org_path", "f"."year", "f"."kind", "f"."version", "f"."status", "f"."revision", "f"."self_total", "f"."execution_rate", "f"."rule_total", "f"."grade", "f"."finding_count", "f"."error_count", "f"."evaluated_revision", "f"."profile_id", "f"."updated_at", "uu"."id" as "updated_by_id", "uu"."username" as "updated_by_username", "uu"."display_name" as "updated_by_name" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" inner join "users" as "uu" on "uu"."id" = "f"."updated_by" where "f"."id" = $1;
-- forms.getData
select "r"."data", "f"."revision" from "forms" as "f" inner join "revisions" as "r" on "r"."form_id" = "f"."id" and "r"."revision" = "f"."revision" where "f"."id" = $1;
-- forms.findExisting
select "id" from "forms" where "project_id" = $1 and "year" = $2 and "kind" = $3 and "version" = $4;
select "f"."id", "f"."project_id", "f"."org_id", "o"."path", "f"."year", "f"."kind", "f"."version", "f"."status", "f"."revision", "f"."profile_id" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" where "f"."id" = $1;
-- findFormsByProjectName
select "f"."id", "f"."revision", "f"."org_id" from "forms" as "f" inner join "projects" as "p" on "p"."id" = "f"."project_id" inner join "orgs" as "o" on "o"."id" = "f"."org_id" where "p"."name" = $1 and "f"."year" = $2 and "f"."kind" = $3 and "o"."path" like $4 escape '\';
-- forms.updateContent
update "forms" set "revision" = "revision" + $1, "year" = $2, "kind" = $3, "project_name" = $4, "self_total" = $5, "execution_rate" = $6, "search_text" = $7, "eval_pending" = $8, "profile_id" = coalesce($9, "profile_id"), "updated_at" = $10, "updated_by" = $11 where "id" = $12 and "revision" = $13 and "status" in ($14, $15);
select "position", "year", "org_id", "level1", "level2", "name", "target", "actual", "weight", "score" from "form_indicators" where "form_id" = $1;
update "form_indicators" set "level1" = $1, "level2" = $2, "name" = $3, "target" = $4, "actual" = $5, "weight" = $6, "score" = $7, "missed" = $8 where "form_id" = $9 and "position" = $10;
insert into "form_indicators" ("form_id", "position", "year", "org_id", "level1", "level2", "name", "target", "actual", "weight", "score", "missed") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);
-- forms.indicators
select "position", "level1", "level2", "name", "target", "actual", "weight", "score", "missed" from "form_indicators" where "form_id" = $1 order by "position";
-- revisions.list
select "r"."form_id", "r"."revision", "r"."note", "r"."created_at", "u"."id" as "user_id", "u"."username", "u"."display_name" from "revisions" as "r" inner join "users" as "u" on "u"."id" = "r"."created_by" where "r"."form_id" = $1 order by "r"."revision" desc;
-- revisions.get
select "r"."form_id", "r"."revision", "r"."note", "r"."created_at", "u"."id" as "user_id", "u"."username", "u"."display_name", "r"."data" from "revisions" as "r" inner join "users" as "u" on "u"."id" = "r"."created_by" where "r"."form_id" = $1 and "r"."revision" = $2;
-- revisions.count
select count(*) as "n" from "revisions" where "form_id" = $1;
-- forms.list
select count(*) as "n" from "forms" as "f" where "f"."org_id" in (select "so"."id" from "orgs" as "so" where "so"."path" like $1 escape '\') and "f"."year" = $2 and "f"."status" = $3 and "f"."search_text" like $4 escape '\';
select "f"."id" from "forms" as "f" where "f"."org_id" in (select "so"."id" from "orgs" as "so" where "so"."path" like $1 escape '\') and "f"."year" = $2 and "f"."status" = $3 and "f"."search_text" like $4 escape '\' order by "f"."updated_at" desc, "f"."id" desc limit $5 offset $6;
select "f"."id", "f"."project_id", "f"."project_name", "f"."org_id", "o"."name" as "org_name", "o"."path" as "org_path", "f"."year", "f"."kind", "f"."version", "f"."status", "f"."revision", "f"."self_total", "f"."execution_rate", "f"."rule_total", "f"."grade", "f"."finding_count", "f"."error_count", "f"."evaluated_revision", "f"."profile_id", "f"."updated_at", "uu"."id" as "updated_by_id", "uu"."username" as "updated_by_username", "uu"."display_name" as "updated_by_name" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" inner join "users" as "uu" on "uu"."id" = "f"."updated_by" where "f"."id" in ($1) order by "f"."updated_at" desc, "f"."id" desc;
-- forms.pendingEvaluations
select "f"."id", "f"."revision", "r"."data", "f"."profile_id", "f"."project_id", "f"."year" from "forms" as "f" inner join "revisions" as "r" on "r"."form_id" = "f"."id" and "r"."revision" = "f"."revision" where "f"."eval_pending" = $1 order by "f"."updated_at" limit $2;
-- forms.writeEvaluation
update "forms" set "rule_total" = $1, "grade" = $2, "finding_count" = $3, "error_count" = $4, "f_arithmetic" = $5, "f_structure" = $6, "f_scoring" = $7, "f_cross_field" = $8, "f_narrative" = $9, "f_value" = $10, "f_target_quality" = $11, "f_monitoring" = $12, "f_cross_stage" = $13, "evaluated_revision" = $14, "eval_pending" = $15 where "id" = $16 and "revision" = $17;
-- forms.countPending
select count(*) as "n" from "forms" where "eval_pending" = $1;
-- forms.count
select count(*) as "n" from "forms";
-- forms.markEvaluationFailed
update "forms" set "rule_total" = $1, "grade" = $2, "finding_count" = $3, "error_count" = $4, "evaluated_revision" = $5, "eval_pending" = $6 where "id" = $7 and "revision" = $8;
-- dashboard.summary
select "id" from "orgs" where not ("orgs"."path" like $1 escape '\') limit $2;
select "year", "status", "grade", count(*) as "forms", sum(case when "eval_pending" = 0 then 1 else 0 end) as "evaluated", sum(case when "finding_count" > 0 then 1 else 0 end) as "with_findings", sum("self_total") as "self_sum", count("self_total") as "self_n", sum("rule_total") as "rule_sum", count("rule_total") as "rule_n", sum("f_arithmetic") as "f0", sum("f_structure") as "f1", sum("f_scoring") as "f2", sum("f_cross_field") as "f3", sum("f_narrative") as "f4", sum("f_value") as "f5", sum("f_target_quality") as "f6", sum("f_monitoring") as "f7", sum("f_cross_stage") as "f8" from "forms" where "year" = $1 group by "year", "status", "grade";
-- dashboard.byOrgKind
select "id" from "orgs" where not ("orgs"."path" like $1 escape '\') limit $2;
select "org_id", "kind", count(*) as "forms", sum("f_cross_stage") as "cross_stage", sum(case when "f_cross_stage" > 0 then 1 else 0 end) as "with_cross_stage" from "forms" where "year" = $1 group by "org_id", "kind";
-- chainForms
select "f"."id", "f"."project_id", "f"."project_name", "f"."org_id", "o"."name" as "org_name", "o"."path" as "org_path", "f"."year", "f"."kind", "f"."version", "f"."status", "f"."revision", "f"."self_total", "f"."execution_rate", "f"."rule_total", "f"."grade", "f"."finding_count", "f"."error_count", "f"."evaluated_revision", "f"."profile_id", "f"."updated_at", "uu"."id" as "updated_by_id", "uu"."username" as "updated_by_username", "uu"."display_name" as "updated_by_name" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" inner join "users" as "uu" on "uu"."id" = "f"."updated_by" where "f"."project_id" = $1 and "f"."year" = $2 order by "f"."kind", "f"."version", "f"."created_at", "f"."id";
-- currentDataOf
select "f"."id", "r"."data" from "forms" as "f" inner join "revisions" as "r" on "r"."form_id" = "f"."id" and "r"."revision" = "f"."revision" where "f"."id" in ($1);
-- markChainPending
update "forms" set "eval_pending" = $1 where "project_id" = $2 and "year" = $3 and "id" != $4;
-- multiFormProjectYears
select "project_id", "year", count(*) as "n" from "forms" where "project_id" in ($1) group by "project_id", "year" having count(*) > $2;
-- formsOfKindUnder
select "f"."id", "f"."project_id", "f"."project_name", "f"."org_id", "o"."name" as "org_name", "o"."path" as "org_path", "f"."year", "f"."kind", "f"."version", "f"."status", "f"."revision", "f"."self_total", "f"."execution_rate", "f"."rule_total", "f"."grade", "f"."finding_count", "f"."error_count", "f"."evaluated_revision", "f"."profile_id", "f"."updated_at", "uu"."id" as "updated_by_id", "uu"."username" as "updated_by_username", "uu"."display_name" as "updated_by_name", "f"."f_cross_stage" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" inner join "users" as "uu" on "uu"."id" = "f"."updated_by" where "o"."path" like $1 escape '\' and "o"."path" like $2 escape '\' and "f"."kind" = $3 and "f"."year" = $4 order by "o"."path", "f"."project_name", "f"."id";
-- setStatus
update "forms" set "status" = $1 where "id" = $2 and "status" = $3;
-- dashboard.distributions
select "id" from "orgs" where not ("orgs"."path" like $1 escape '\') limit $2;
select case when "execution_rate" is null then -1 when "execution_rate" < 50 then 0 when "execution_rate" < 60 then 1 when "execution_rate" < 70 then 2 when "execution_rate" < 80 then 3 when "execution_rate" < 90 then 4 when "execution_rate" < 95 then 5 when "execution_rate" < 100 then 6 else 7 end as "rate", case when ("self_total" - "rule_total") is null then -1 when ("self_total" - "rule_total") < -5 then 0 when ("self_total" - "rule_total") < -0.005 then 1 when ("self_total" - "rule_total") < 0.005 then 2 when ("self_total" - "rule_total") < 1 then 3 when ("self_total" - "rule_total") < 3 then 4 when ("self_total" - "rule_total") < 5 then 5 when ("self_total" - "rule_total") < 10 then 6 else 7 end as "diff", count(*) as "n" from "forms" where "year" = $1 group by "rate", "diff";
-- dashboard.byOrgYear
select "id" from "orgs" where not ("orgs"."path" like $1 escape '\') limit $2;
select "org_id", "year", count(*) as "forms", sum("self_total") as "self_sum", count("self_total") as "self_n", sum("rule_total") as "rule_sum", count("rule_total") as "rule_n", sum(case when "finding_count" > 0 then 1 else 0 end) as "with_findings" from "forms" where "year" = $1 group by "org_id", "year";
-- reportForms.count
select count(*) as "n" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" where "o"."path" like $1 escape '\' and "o"."name" like $2 escape '\' and "f"."year" = $3 and "f"."status" = $4;
-- reportForms.page
select "f"."id", "o"."name" as "org_name", "f"."status", "f"."profile_id", "r"."data" from "forms" as "f" inner join "orgs" as "o" on "o"."id" = "f"."org_id" inner join "revisions" as "r" on "r"."form_id" = "f"."id" and "r"."revision" = "f"."revision" where "o"."path" like $1 escape '\' and "o"."name" like $2 escape '\' and "f"."year" = $3 and "f"."status" = $4 order by "f"."id" limit $5;
-- dashboard.mostMissed
select "id" from "orgs" where not ("orgs"."path" like $1 escape '\') limit $2;
select "level2", "name", count(*) as "n" from "form_indicators" where "missed" = 1 and "org_id" in (select "orgs"."id" from "orgs" where "orgs"."path" like $1 escape '\' and "orgs"."path" like $2 escape '\') group by "level2", "name" order by "n" desc, "level2", "name" limit $3;
-- comments.insert
insert into "comments" ("id", "form_id", "revision", "field", "body", "action", "from_status", "to_status", "author_id", "created_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);
-- comments.list
select "c"."id", "c"."form_id", "c"."revision", "c"."field", "c"."body", "c"."action", "c"."from_status", "c"."to_status", "c"."created_at", "u"."id" as "user_id", "u"."username", "u"."display_name" from "comments" as "c" inner join "users" as "u" on "u"."id" = "c"."author_id" where "c"."form_id" = $1 order by "c"."created_at", "c"."id";
-- evidence.insert
insert into "evidence" ("id", "form_id", "row", "file_name", "content_type", "size", "sha256", "created_by", "created_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9);
-- evidence.list
select "e"."id", "e"."form_id", "e"."row", "e"."file_name", "e"."content_type", "e"."size", "e"."sha256", "e"."created_at", "u"."id" as "user_id", "u"."username", "u"."display_name" from "evidence" as "e" inner join "users" as "u" on "u"."id" = "e"."created_by" where "e"."form_id" = $1 order by "e"."row", "e"."created_at";
-- evidence.get
select "e"."id", "e"."form_id", "e"."row", "e"."file_name", "e"."content_type", "e"."size", "e"."sha256", "e"."created_at", "u"."id" as "user_id", "u"."username", "u"."display_name" from "evidence" as "e" inner join "users" as "u" on "u"."id" = "e"."created_by" where "e"."id" = $1;
-- evidence.countBySha
select count(*) as "n" from "evidence" where "sha256" = $1;
-- evidence.delete
delete from "evidence" where "id" = $1;
-- auditLog.insert
begin;
update "audit_head" set "seq" = seq + $1 where "id" = $2 returning "seq", "hash";
with "entries" as (insert into "audit_log" ("id", "seq", "at", "actor_id", "actor_name", "ip", "action", "entity_type", "entity_id", "before", "after", "prev_hash", "hash") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)) update "audit_head" set "hash" = $14 where "id" = $15;
commit;
-- auditLog.forEntity
select "a"."id", "a"."seq", "a"."at", "a"."actor_name", "a"."ip", "a"."action", "a"."entity_type", "a"."entity_id", "a"."before", "a"."after", "u"."id" as "user_id", "u"."username", "u"."display_name" from "audit_log" as "a" left join "users" as "u" on "u"."id" = "a"."actor_id" where "a"."entity_type" = $1 and "a"."entity_id" = $2 order by "a"."at", "a"."id";
-- auditLog.list
select count(*) as "n" from "audit_log" as "a" left join "users" as "u" on "u"."id" = "a"."actor_id" left join "orgs" as "o" on "o"."id" = "u"."org_id" where ("o"."path" like $1 escape '\' or "a"."actor_id" is null) and "a"."entity_type" = $2;
select "a"."id", "a"."seq", "a"."at", "a"."actor_name", "a"."ip", "a"."action", "a"."entity_type", "a"."entity_id", "a"."before", "a"."after", "u"."id" as "user_id", "u"."username", "u"."display_name" from "audit_log" as "a" left join "users" as "u" on "u"."id" = "a"."actor_id" left join "orgs" as "o" on "o"."id" = "u"."org_id" where ("o"."path" like $1 escape '\' or "a"."actor_id" is null) and "a"."entity_type" = $2 order by "a"."at" desc, "a"."id" desc limit $3 offset $4;
-- jobs.insert
insert into "jobs" ("id", "kind", "status", "total", "processed", "succeeded", "failed", "org_id", "on_existing", "error", "created_by", "created_at", "updated_at", "finished_at", "lease_owner", "lease_expires_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16);
-- jobs.insertItem
insert into "job_items" ("job_id", "position", "file_name", "content", "status", "form_id", "error", "warning_count") values ($1, $2, $3, $4, $5, $6, $7, $8);
-- jobs.claimItems
update "job_items" set "lease_owner" = $1, "lease_expires_at" = $2, "attempts" = "attempts" + $3 where ("job_id", "position") in (select "c"."job_id", "c"."position" from "job_items" as "c" where "c"."status" = $4 and ("c"."lease_expires_at" is null or "c"."lease_expires_at" < $5) and exists (select "jobs"."id" from "jobs" where "jobs"."id" = "c"."job_id" and "jobs"."status" in ($6, $7)) order by "c"."position", "c"."job_id" limit $8 for update skip locked) returning "job_id", "position", "file_name", "content", "attempts", (select "jobs"."status" from "jobs" where "jobs"."id" = "job_items"."job_id") as "job_status";
update "jobs" set "status" = $1, "updated_at" = $2 where "id" in ($3) and "status" = $4;
-- jobs.renewItems
update "job_items" set "lease_expires_at" = $1 where "job_id" = $2 and "position" in ($3, $4) and "lease_owner" = $5 and "status" = $6;
-- jobs.completeItem
update "job_items" set "status" = $1, "form_id" = $2, "error" = $3, "warning_count" = $4, "content" = $5, "lease_owner" = $6, "lease_expires_at" = $7 where "job_id" = $8 and "position" = $9 and "lease_owner" = $10 and "status" = $11;
update "jobs" set "processed" = "processed" + $1, "succeeded" = "succeeded" + $2, "failed" = "failed" + $3, "updated_at" = $4, "status" = case when "processed" + 1 >= "total" then $5 else "status" end, "finished_at" = case when "processed" + 1 >= "total" then $6 else "finished_at" end where "id" = $7 and "status" in ($8, $9);
-- jobs.get
select "j"."id", "j"."kind", "j"."status", "j"."total", "j"."processed", "j"."succeeded", "j"."failed", "j"."org_id", "j"."on_existing", "j"."error", "j"."created_at", "j"."updated_at", "j"."finished_at", "u"."id" as "user_id", "u"."username", "u"."display_name", "o"."path" as "org_path" from "jobs" as "j" inner join "users" as "u" on "u"."id" = "j"."created_by" inner join "orgs" as "o" on "o"."id" = "u"."org_id" where "j"."id" = $1;
-- jobs.list
select count(*) as "n" from "jobs" as "j" inner join "users" as "u" on "u"."id" = "j"."created_by" inner join "orgs" as "o" on "o"."id" = "u"."org_id" where "o"."path" like $1 escape '\';
select "j"."id", "j"."kind", "j"."status", "j"."total", "j"."processed", "j"."succeeded", "j"."failed", "j"."org_id", "j"."on_existing", "j"."error", "j"."created_at", "j"."updated_at", "j"."finished_at", "u"."id" as "user_id", "u"."username", "u"."display_name", "o"."path" as "org_path" from "jobs" as "j" inner join "users" as "u" on "u"."id" = "j"."created_by" inner join "orgs" as "o" on "o"."id" = "u"."org_id" where "o"."path" like $1 escape '\' order by "j"."created_at" desc, "j"."id" limit $2 offset $3;
-- jobs.items
select "position", "file_name", "status", "form_id", "error", "warning_count" from "job_items" where "job_id" = $1 order by "position";
-- jobs.cancel
update "jobs" set "status" = $1, "finished_at" = $2, "updated_at" = $3, "lease_owner" = $4, "lease_expires_at" = $5 where "id" = $6 and "status" in ($7, $8);
-- jobs.fail
update "jobs" set "status" = $1, "error" = $2, "finished_at" = $3, "updated_at" = $4 where "id" = $5 and "status" in ($6, $7);
-- forms.updateStatus
update "forms" set "status" = $1, "updated_at" = $2, "updated_by" = $3 where "id" = $4 and "status" = $5 and "revision" = $6;
-- forms.delete
delete from "forms" where "id" = $1 and "status" = $2 and "revision" = $3;
