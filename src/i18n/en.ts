import { core } from './en/core';
import { plan } from './en/plan';
import { reporting } from './en/reporting';
import { dualcontrol } from './en/dualcontrol';
import { enterprises } from './en/enterprises';
import { reduction } from './en/reduction';
import { monitoring } from './en/monitoring';
import { assessment } from './en/assessment';
import { assessmentReport } from './en/assessment-report';
import { publicShell } from './en/public';
import { publicReports } from './en/public-reports';
import { publicData } from './en/public-data';
import { publicParticipation } from './en/public-participation';
import { supervisionShell } from './en/supervision';
import { supervisionInspections } from './en/supervision-inspections';
import { supervisionInstitutions } from './en/supervision-institutions';
import { supervisionCapacity } from './en/supervision-capacity';
import type { MessageKey } from './zh-CN';

/** English, the second language, one file per context under en/. Typed so that a missing key fails `tsc`. */
export const en: Record<MessageKey, string> = { ...core, ...plan, ...reporting, ...dualcontrol, ...enterprises, ...reduction, ...monitoring, ...assessment, ...assessmentReport, ...publicShell, ...publicReports, ...publicData, ...publicParticipation, ...supervisionShell, ...supervisionInspections, ...supervisionInstitutions, ...supervisionCapacity };
