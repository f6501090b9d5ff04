DROP INDEX "progress_report_item";--> statement-breakpoint
CREATE INDEX "progress_report_region_status" ON "progress_report" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "progress_report_period" ON "progress_report" USING btree ("period_key" text_pattern_ops);