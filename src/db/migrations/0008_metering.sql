CREATE TABLE "meter" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"code" text NOT NULL,
	"unit" text NOT NULL,
	"carrier" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meter_code" UNIQUE("enterprise_id","code")
);
--> statement-breakpoint
CREATE TABLE "meter_hour" (
	"meter_id" integer NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"quantity" numeric(20, 6) NOT NULL,
	"readings" integer NOT NULL,
	CONSTRAINT "meter_hour_meter_id_hour_pk" PRIMARY KEY("meter_id","hour")
);
--> statement-breakpoint
CREATE TABLE "meter_reading" (
	"meter_id" integer NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"value" numeric(20, 6) NOT NULL,
	"delta" numeric(20, 6),
	"is_after_gap" boolean DEFAULT false NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meter_reading_meter_id_ts_pk" PRIMARY KEY("meter_id","ts")
);
--> statement-breakpoint
CREATE TABLE "meter_rejection" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"uscc" text,
	"meter_code" text,
	"ts" timestamp with time zone,
	"value" numeric(20, 6),
	"reason" text NOT NULL,
	"detail" text NOT NULL,
	"payload" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meter_rejection_once" UNIQUE("topic","ts","reason")
);
--> statement-breakpoint
ALTER TABLE "meter" ADD CONSTRAINT "meter_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_hour" ADD CONSTRAINT "meter_hour_meter_id_meter_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_reading" ADD CONSTRAINT "meter_reading_meter_id_meter_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meter_rejection_received" ON "meter_rejection" USING btree ("received_at");