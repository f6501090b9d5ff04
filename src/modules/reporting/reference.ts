import type { Db } from '../../db/client';
import type { ReportingReference } from '../../domain/reporting/reference';
import { referenceAt } from '../reference/service';

/** The reporting defaults and the status rule in force on a day (YYYY-MM-DD), each with its source. */
export async function reportingReference(db: Db, date: string): Promise<ReportingReference> {
  const [defaults, rule] = await Promise.all([referenceAt(db, 'reporting-defaults', date), referenceAt(db, 'progress-status-rule', date)]);
  return {
    reporting: { ...defaults.value, source: defaults.source, validFrom: defaults.validFrom },
    progressStatus: { ...rule.value, source: rule.source, validFrom: rule.validFrom },
  };
}
