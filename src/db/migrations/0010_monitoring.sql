CREATE TABLE "alarm" (
	"id" serial PRIMARY KEY NOT NULL,
	"station_id" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"factor" text DEFAULT '' NOT NULL,
	"value" double precision,
	"limit" double precision,
	"basis" text,
	"flag" text,
	"message" text NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"occurrences" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alarm_action" (
	"id" serial PRIMARY KEY NOT NULL,
	"alarm_id" integer NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"actor_user_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reading" (
	"station_id" integer NOT NULL,
	"kind" text NOT NULL,
	"factor" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"value" double precision,
	"min" double precision,
	"max" double precision,
	"cou" double precision,
	"zs" double precision,
	"flag" text,
	"backfill" boolean DEFAULT false NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station" (
	"id" serial PRIMARY KEY NOT NULL,
	"mn" text NOT NULL,
	"name" text NOT NULL,
	"enterprise_id" integer,
	"region_code" text NOT NULL,
	"medium" text NOT NULL,
	"st" text NOT NULL,
	"outlet" text DEFAULT '' NOT NULL,
	"longitude" double precision,
	"latitude" double precision,
	"factors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"o2_reference" double precision,
	"rtd_interval_s" integer,
	"min_interval_min" integer,
	"edition" text DEFAULT 'auto' NOT NULL,
	"encryption" text DEFAULT 'accept' NOT NULL,
	"length_mode" text DEFAULT 'plaintext' NOT NULL,
	"bare_lf" boolean DEFAULT false NOT NULL,
	"max_connections" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"pw_sha256" text,
	"sm4_keys_sealed" text,
	"sm4_key_count" integer DEFAULT 0 NOT NULL,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "station_mn" UNIQUE("mn")
);
--> statement-breakpoint
ALTER TABLE "alarm" ADD CONSTRAINT "alarm_station_id_station_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."station"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_action" ADD CONSTRAINT "alarm_action_alarm_id_alarm_id_fk" FOREIGN KEY ("alarm_id") REFERENCES "public"."alarm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_action" ADD CONSTRAINT "alarm_action_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station" ADD CONSTRAINT "station_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station" ADD CONSTRAINT "station_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alarm_open" ON "alarm" USING btree ("station_id","kind","factor") WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX "alarm_status" ON "alarm" USING btree ("status","last_at");--> statement-breakpoint
CREATE INDEX "alarm_action_alarm" ON "alarm_action" USING btree ("alarm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reading_once" ON "reading" USING btree ("station_id","kind","at","factor");--> statement-breakpoint
CREATE INDEX "station_region" ON "station" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "station_enterprise" ON "station" USING btree ("enterprise_id");