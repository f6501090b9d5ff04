import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ReportingReference } from '../../domain/reporting/reference';

const file = path.resolve(import.meta.dirname, '../../../data/reference/reporting.yaml');
let cached: ReportingReference | null = null;

/** The shipped reporting defaults and status rule (data/reference/reporting.yaml), read once. */
export function reportingReference(): ReportingReference {
  cached ??= ReportingReference.parse(YAML.parse(fs.readFileSync(file, 'utf8')));
  return cached;
}
