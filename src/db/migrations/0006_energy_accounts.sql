CREATE TABLE "energy_account" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"period_key" text NOT NULL,
	"revision" integer NOT NULL,
	"status" text NOT NULL,
	"gdp_current" numeric(20, 6),
	"gdp_growth" numeric(20, 6),
	"energy" numeric(20, 6) NOT NULL,
	"coal" numeric(20, 6),
	"non_fossil" numeric(20, 6) DEFAULT 0 NOT NULL,
	"renewable_electricity" numeric(20, 6) DEFAULT 0 NOT NULL,
	"feedstock" numeric(20, 6) DEFAULT 0 NOT NULL,
	"listed_projects" numeric(20, 6) DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"correction_reason" text,
	"submitted_by" integer NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "energy_account_revision" UNIQUE("region_code","period_key","revision"),
	CONSTRAINT "energy_account_period" CHECK ("energy_account"."period_key" ~ '^[0-9]{4}(-M(0[1-9]|1[0-2]))?$')
);
--> statement-breakpoint
CREATE TABLE "energy_account_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"actor_user_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "energy_annual_target" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"intensity_reduction" numeric(20, 6),
	"planned_gdp_growth" numeric(20, 6),
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "energy_annual_target_region_code_year_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
CREATE TABLE "energy_target" (
	"region_code" text NOT NULL,
	"base_year" integer NOT NULL,
	"years" integer NOT NULL,
	"basic" numeric(20, 6) NOT NULL,
	"incentive" numeric(20, 6),
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "energy_target_region_code_base_year_pk" PRIMARY KEY("region_code","base_year")
);
--> statement-breakpoint
CREATE TABLE "energy_target_adjustment" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"planned" numeric(20, 6) NOT NULL,
	"adjusted" numeric(20, 6) NOT NULL,
	"reason" text NOT NULL,
	"account_id" integer,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "energy_account" ADD CONSTRAINT "energy_account_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "energy_account" ADD CONSTRAINT "energy_account_submitted_by_app_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "energy_account_event" ADD CONSTRAINT "energy_account_event_account_id_energy_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."energy_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "energy_account_event" ADD CONSTRAINT "energy_account_event_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "energy_annual_target" ADD CONSTRAINT "energy_annual_target_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "energy_target" ADD CONSTRAINT "energy_target_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "energy_target_adjustment" ADD CONSTRAINT "energy_target_adjustment_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "energy_target_adjustment" ADD CONSTRAINT "energy_target_adjustment_account_id_energy_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."energy_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "energy_account_status" ON "energy_account" USING btree ("status","period_key");--> statement-breakpoint
CREATE INDEX "energy_account_event_account" ON "energy_account_event" USING btree ("account_id");