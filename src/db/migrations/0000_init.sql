CREATE TABLE "app_user" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"region_code" text,
	"department_id" integer,
	"enterprise_id" integer,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"is_disabled" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"password_changed_at" timestamp with time zone,
	CONSTRAINT "app_user_scope" CHECK (("app_user"."role" <> 'department' OR "app_user"."department_id" IS NOT NULL)
      AND ("app_user"."role" <> 'county' OR "app_user"."region_code" IS NOT NULL)
      AND ("app_user"."role" <> 'enterprise' OR "app_user"."enterprise_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "department" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"kind" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "department_code_unique" UNIQUE("code"),
	CONSTRAINT "department_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "enterprise" (
	"id" serial PRIMARY KEY NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"industry" text,
	"is_key_energy_unit" boolean DEFAULT false NOT NULL,
	"is_key_pollutant_unit" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "enterprise_uscc_unique" UNIQUE("uscc")
);
--> statement-breakpoint
CREATE TABLE "region" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"full_name" text,
	"kind" text NOT NULL,
	"parent_code" text,
	"former_name" text,
	"former_code" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_failure" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"ip" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"section_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"quote" text NOT NULL,
	"unit" text,
	"comparison" text NOT NULL,
	"baseline_year" integer,
	"baseline_value" numeric(20, 6),
	"target" numeric(20, 6),
	"stretch" numeric(20, 6),
	"target_text" text,
	"target_year" integer NOT NULL,
	"is_binding" boolean NOT NULL,
	"sort" integer NOT NULL,
	CONSTRAINT "indicator_planId_code_unique" UNIQUE("plan_id","code")
);
--> statement-breakpoint
CREATE TABLE "indicator_department" (
	"indicator_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"sort" integer NOT NULL,
	CONSTRAINT "indicator_department_indicator_id_department_id_pk" PRIMARY KEY("indicator_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "plan" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL,
	"baseline_year" integer NOT NULL,
	"parent_name" text,
	"parent_doc_number" text,
	"preamble" text NOT NULL,
	"source_file" text NOT NULL,
	"all_regions_implement" boolean NOT NULL,
	"all_regions_quote" text,
	"content_hash" text NOT NULL,
	"loaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "plan_chapter" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"no" integer NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "plan_chapter_planId_no_unique" UNIQUE("plan_id","no")
);
--> statement-breakpoint
CREATE TABLE "plan_section" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"chapter_id" integer NOT NULL,
	"no" integer NOT NULL,
	"title" text NOT NULL,
	"quote" text NOT NULL,
	"is_key_project" boolean NOT NULL,
	"responsibility_quote" text,
	CONSTRAINT "plan_section_chapterId_no_unique" UNIQUE("chapter_id","no")
);
--> statement-breakpoint
CREATE TABLE "task" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"section_id" integer NOT NULL,
	"code" text NOT NULL,
	"text" text NOT NULL,
	"sort" integer NOT NULL,
	CONSTRAINT "task_planId_code_unique" UNIQUE("plan_id","code")
);
--> statement-breakpoint
CREATE TABLE "task_department" (
	"task_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "task_department_task_id_department_id_pk" PRIMARY KEY("task_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "task_region" (
	"task_id" integer NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "task_region_task_id_region_code_pk" PRIMARY KEY("task_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" integer,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"ip" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_section_id_plan_section_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."plan_section"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_department" ADD CONSTRAINT "indicator_department_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_department" ADD CONSTRAINT "indicator_department_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_chapter" ADD CONSTRAINT "plan_chapter_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_section" ADD CONSTRAINT "plan_section_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_section" ADD CONSTRAINT "plan_section_chapter_id_plan_chapter_id_fk" FOREIGN KEY ("chapter_id") REFERENCES "public"."plan_chapter"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_section_id_plan_section_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."plan_section"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_department" ADD CONSTRAINT "task_department_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_department" ADD CONSTRAINT "task_department_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_region" ADD CONSTRAINT "task_region_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_region" ADD CONSTRAINT "task_region_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_username_lower" ON "app_user" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "login_failure_username_at" ON "login_failure" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "login_failure_ip_at" ON "login_failure" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "session_user" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "indicator_section" ON "indicator" USING btree ("section_id");--> statement-breakpoint
CREATE INDEX "indicator_department_dept" ON "indicator_department" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "task_section" ON "task" USING btree ("section_id");--> statement-breakpoint
CREATE INDEX "task_department_dept" ON "task_department" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "audit_event_entity" ON "audit_event" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_event_at" ON "audit_event" USING btree ("at");