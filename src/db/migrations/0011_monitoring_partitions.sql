-- reading becomes a table partitioned by month of `at` (ARCHITECTURE.md, data model), on PostgreSQL and on PGlite
-- alike. Months from last month to three ahead are created here; ensureReadingPartitions() (monitoring module) adds
-- the coming months at every start. Rows outside every month (old backfills) land in the DEFAULT partition.
DROP TABLE "reading";
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
) PARTITION BY RANGE ("at");
--> statement-breakpoint
CREATE UNIQUE INDEX "reading_once" ON "reading" USING btree ("station_id","kind","at","factor");
--> statement-breakpoint
CREATE TABLE "reading_default" PARTITION OF "reading" DEFAULT;
--> statement-breakpoint
DO $$
DECLARE
  m date := date_trunc('month', now() AT TIME ZONE 'UTC')::date - interval '1 month';
BEGIN
  FOR i IN 0..4 LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF reading FOR VALUES FROM (%L) TO (%L)',
      'reading_' || to_char(m, 'YYYYMM'), m::timestamp AT TIME ZONE 'UTC', (m + interval '1 month')::timestamp AT TIME ZONE 'UTC');
    m := m + interval '1 month';
  END LOOP;
END $$;
