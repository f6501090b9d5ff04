CREATE TABLE "demo_dataset" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"seed" integer NOT NULL,
	"size" text NOT NULL,
	"as_of" date NOT NULL,
	"generator" text NOT NULL,
	"loaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "demo_dataset_one_row" CHECK ("demo_dataset"."id" = 1)
);
