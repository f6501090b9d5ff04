CREATE TABLE "assessment" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme_id" integer NOT NULL,
	"title" text NOT NULL,
	"period" text NOT NULL,
	"cutoff" date NOT NULL,
	"status" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"actor_user_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"assessment_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"assessment_id" integer NOT NULL,
	"subject_key" text NOT NULL,
	"item_key" text NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by" integer NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_scheme" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"subject" text NOT NULL,
	"name" text NOT NULL,
	"body" jsonb NOT NULL,
	"source" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assessment_scheme_version" UNIQUE("code","version")
);
--> statement-breakpoint
CREATE TABLE "assessment_score" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"assessment_id" integer NOT NULL,
	"subject_key" text NOT NULL,
	"item_key" text NOT NULL,
	"stage" text NOT NULL,
	"points" double precision NOT NULL,
	"checked" jsonb NOT NULL,
	"note" text NOT NULL,
	"actor_user_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_subject" (
	"assessment_id" integer NOT NULL,
	"subject_key" text NOT NULL,
	"name" text NOT NULL,
	"metrics" jsonb NOT NULL,
	"metrics_at" timestamp with time zone NOT NULL,
	"exemptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"self_submitted_at" timestamp with time zone,
	"self_submitted_by" integer,
	"result" jsonb,
	CONSTRAINT "assessment_subject_assessment_id_subject_key_pk" PRIMARY KEY("assessment_id","subject_key")
);
--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_scheme_id_assessment_scheme_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_scheme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_event" ADD CONSTRAINT "assessment_event_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_event" ADD CONSTRAINT "assessment_event_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_evidence" ADD CONSTRAINT "assessment_evidence_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_evidence" ADD CONSTRAINT "assessment_evidence_sha256_evidence_blob_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence_blob"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_evidence" ADD CONSTRAINT "assessment_evidence_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scheme" ADD CONSTRAINT "assessment_scheme_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_score" ADD CONSTRAINT "assessment_score_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_score" ADD CONSTRAINT "assessment_score_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_subject" ADD CONSTRAINT "assessment_subject_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_subject" ADD CONSTRAINT "assessment_subject_self_submitted_by_app_user_id_fk" FOREIGN KEY ("self_submitted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_period" ON "assessment" USING btree ("period");--> statement-breakpoint
CREATE INDEX "assessment_evidence_subject" ON "assessment_evidence" USING btree ("assessment_id","subject_key");--> statement-breakpoint
CREATE INDEX "assessment_score_item" ON "assessment_score" USING btree ("assessment_id","subject_key","item_key","stage","id");