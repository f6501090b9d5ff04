CREATE TABLE "citizen_report" (
	"id" serial PRIMARY KEY NOT NULL,
	"tracking_no" text NOT NULL,
	"token_hash" text NOT NULL,
	"type" text NOT NULL,
	"region_code" text,
	"address" text DEFAULT '' NOT NULL,
	"lon" double precision,
	"lat" double precision,
	"description" text NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"status" text NOT NULL,
	"assigned_department_id" integer,
	"assigned_region_code" text,
	"source_hash" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_report_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"visible_to_reporter" boolean DEFAULT false NOT NULL,
	"actor_user_id" integer,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_report_photo" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"original_sha256" text NOT NULL,
	"stripped_sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitment" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"enterprise_id" integer,
	"committer_name" text NOT NULL,
	"region_code" text,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"indicator" text NOT NULL,
	"unit" text NOT NULL,
	"baseline_value" double precision,
	"target_value" double precision NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"token_hash" text,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"source_hash" text,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitment_update" (
	"id" serial PRIMARY KEY NOT NULL,
	"commitment_id" integer NOT NULL,
	"value" double precision NOT NULL,
	"as_of" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"by_user_id" integer,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"campaign" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"start_date" date,
	"end_date" date,
	"published_at" timestamp with time zone,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publication" (
	"id" serial PRIMARY KEY NOT NULL,
	"dataset" text NOT NULL,
	"period_key" text NOT NULL,
	"title" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"published_by" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"withdrawn_by" integer,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text
);
--> statement-breakpoint
CREATE TABLE "spent_challenge" (
	"challenge_hash" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "citizen_report" ADD CONSTRAINT "citizen_report_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_report" ADD CONSTRAINT "citizen_report_assigned_department_id_department_id_fk" FOREIGN KEY ("assigned_department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_report" ADD CONSTRAINT "citizen_report_assigned_region_code_region_code_fk" FOREIGN KEY ("assigned_region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_report_event" ADD CONSTRAINT "citizen_report_event_report_id_citizen_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."citizen_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_report_event" ADD CONSTRAINT "citizen_report_event_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_report_photo" ADD CONSTRAINT "citizen_report_photo_report_id_citizen_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."citizen_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_report_photo" ADD CONSTRAINT "citizen_report_photo_original_sha256_evidence_blob_sha256_fk" FOREIGN KEY ("original_sha256") REFERENCES "public"."evidence_blob"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_report_photo" ADD CONSTRAINT "citizen_report_photo_stripped_sha256_evidence_blob_sha256_fk" FOREIGN KEY ("stripped_sha256") REFERENCES "public"."evidence_blob"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_update" ADD CONSTRAINT "commitment_update_commitment_id_commitment_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_update" ADD CONSTRAINT "commitment_update_by_user_id_app_user_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_item" ADD CONSTRAINT "news_item_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication" ADD CONSTRAINT "publication_published_by_app_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication" ADD CONSTRAINT "publication_withdrawn_by_app_user_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_report_tracking" ON "citizen_report" USING btree ("tracking_no");--> statement-breakpoint
CREATE INDEX "citizen_report_status" ON "citizen_report" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "citizen_report_event_report" ON "citizen_report_event" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "citizen_report_photo_report" ON "citizen_report_photo" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "commitment_status" ON "commitment" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "commitment_update_commitment" ON "commitment_update" USING btree ("commitment_id");--> statement-breakpoint
CREATE INDEX "news_item_published" ON "news_item" USING btree ("published_at") WHERE "news_item"."published_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "publication_dataset_period" ON "publication" USING btree ("dataset","period_key","published_at");