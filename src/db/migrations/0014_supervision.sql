CREATE TABLE "case_transfer" (
	"id" serial PRIMARY KEY NOT NULL,
	"finding_id" integer NOT NULL,
	"to_department_id" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"answer" text,
	"sent_by" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"answered_by" integer,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "expert" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"fields" jsonb NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"region_code" text,
	"phone" text,
	"available" boolean DEFAULT true NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_assignment" (
	"id" serial PRIMARY KEY NOT NULL,
	"expert_id" integer NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" integer NOT NULL,
	"enterprise_id" integer,
	"purpose" text NOT NULL,
	"conflicts" jsonb NOT NULL,
	"override_reason" text,
	"assigned_by" integer NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_relation" (
	"id" serial PRIMARY KEY NOT NULL,
	"expert_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"relation" text NOT NULL,
	"declared_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer,
	"enterprise_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"topics" jsonb NOT NULL,
	"planned_date" date,
	"inspected_on" date,
	"inspectors" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_finding" (
	"id" serial PRIMARY KEY NOT NULL,
	"inspection_id" integer NOT NULL,
	"topic" text NOT NULL,
	"description" text NOT NULL,
	"severity" text NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"high_energy_project_id" integer,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_plan" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"approved_by" integer,
	"approved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "institution_quota" (
	"id" serial PRIMARY KEY NOT NULL,
	"institution_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"set_by" integer NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "institution_quota_kind" UNIQUE("institution_id","year","kind")
);
--> statement-breakpoint
CREATE TABLE "institution_use" (
	"id" serial PRIMARY KEY NOT NULL,
	"institution_id" integer NOT NULL,
	"year" integer NOT NULL,
	"months" integer NOT NULL,
	"energy_kgce" double precision NOT NULL,
	"water_m_3" double precision,
	"staff" integer,
	"floor_area_m_2" double precision,
	"filed_by" integer NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "institution_use_year" UNIQUE("institution_id","year")
);
--> statement-breakpoint
CREATE TABLE "public_institution" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"staff" integer,
	"floor_area_m_2" double precision,
	"economy_status" text DEFAULT 'none' NOT NULL,
	"economy_year" integer,
	"demonstration" text DEFAULT 'none' NOT NULL,
	"teaching_point" boolean DEFAULT false NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectification_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"actor_user_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"order_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectification_order" (
	"id" serial PRIMARY KEY NOT NULL,
	"inspection_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"order_no" text NOT NULL,
	"finding_ids" jsonb NOT NULL,
	"requirement" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text NOT NULL,
	"issued_by" integer NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rectification_order_no" UNIQUE("order_no")
);
--> statement-breakpoint
CREATE TABLE "supervision_evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" integer NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by" integer NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"user_id" integer,
	"enterprise_id" integer,
	"name" text NOT NULL,
	"attended" boolean NOT NULL,
	"certificate_no" text,
	"recorded_by" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_event" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"audience" text NOT NULL,
	"starts_on" date NOT NULL,
	"hours" double precision NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"organiser_department_id" integer,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_finding_id_inspection_finding_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."inspection_finding"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_to_department_id_department_id_fk" FOREIGN KEY ("to_department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_sent_by_app_user_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_answered_by_app_user_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert" ADD CONSTRAINT "expert_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert" ADD CONSTRAINT "expert_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignment" ADD CONSTRAINT "expert_assignment_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignment" ADD CONSTRAINT "expert_assignment_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignment" ADD CONSTRAINT "expert_assignment_assigned_by_app_user_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_relation" ADD CONSTRAINT "expert_relation_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_relation" ADD CONSTRAINT "expert_relation_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_plan_id_inspection_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_inspection_id_inspection_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_high_energy_project_id_high_energy_project_id_fk" FOREIGN KEY ("high_energy_project_id") REFERENCES "public"."high_energy_project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_approved_by_app_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_quota" ADD CONSTRAINT "institution_quota_institution_id_public_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."public_institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_quota" ADD CONSTRAINT "institution_quota_set_by_app_user_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_use" ADD CONSTRAINT "institution_use_institution_id_public_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."public_institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_use" ADD CONSTRAINT "institution_use_filed_by_app_user_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_institution" ADD CONSTRAINT "public_institution_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_institution" ADD CONSTRAINT "public_institution_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_event" ADD CONSTRAINT "rectification_event_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_event" ADD CONSTRAINT "rectification_event_order_id_rectification_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."rectification_order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_order" ADD CONSTRAINT "rectification_order_inspection_id_inspection_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_order" ADD CONSTRAINT "rectification_order_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_order" ADD CONSTRAINT "rectification_order_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_order" ADD CONSTRAINT "rectification_order_issued_by_app_user_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_evidence" ADD CONSTRAINT "supervision_evidence_sha256_evidence_blob_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence_blob"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_evidence" ADD CONSTRAINT "supervision_evidence_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_event_id_training_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."training_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_event" ADD CONSTRAINT "training_event_organiser_department_id_department_id_fk" FOREIGN KEY ("organiser_department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_event" ADD CONSTRAINT "training_event_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_transfer_department" ON "case_transfer" USING btree ("to_department_id","status");--> statement-breakpoint
CREATE INDEX "expert_assignment_expert" ON "expert_assignment" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "expert_relation_expert" ON "expert_relation" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "inspection_region" ON "inspection" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "inspection_enterprise" ON "inspection" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "inspection_finding_inspection" ON "inspection_finding" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_plan_year" ON "inspection_plan" USING btree ("year","region_code");--> statement-breakpoint
CREATE INDEX "public_institution_region" ON "public_institution" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "rectification_event_order" ON "rectification_event" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "rectification_order_enterprise" ON "rectification_order" USING btree ("enterprise_id","status");--> statement-breakpoint
CREATE INDEX "supervision_evidence_owner" ON "supervision_evidence" USING btree ("owner_kind","owner_id");--> statement-breakpoint
CREATE INDEX "training_attendance_event" ON "training_attendance" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "training_attendance_enterprise" ON "training_attendance" USING btree ("enterprise_id");