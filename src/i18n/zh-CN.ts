import { core } from './zh-CN/core';
import { plan } from './zh-CN/plan';
import { reporting } from './zh-CN/reporting';
import { dualcontrol } from './zh-CN/dualcontrol';
import { enterprises } from './zh-CN/enterprises';
import { reduction } from './zh-CN/reduction';
import { monitoring } from './zh-CN/monitoring';
import { assessment } from './zh-CN/assessment';
import { assessmentReport } from './zh-CN/assessment-report';
import { publicShell } from './zh-CN/public';
import { publicReports } from './zh-CN/public-reports';
import { publicData } from './zh-CN/public-data';
import { publicParticipation } from './zh-CN/public-participation';
import { supervisionShell } from './zh-CN/supervision';
import { supervisionInspections } from './zh-CN/supervision-inspections';
import { supervisionInstitutions } from './zh-CN/supervision-institutions';
import { supervisionCapacity } from './zh-CN/supervision-capacity';

/** The message catalog's source language, one file per context under zh-CN/. Keys are dotted by context; en.ts must have every key. */
export const zhCN = { ...core, ...plan, ...reporting, ...dualcontrol, ...enterprises, ...reduction, ...monitoring, ...assessment, ...assessmentReport, ...publicShell, ...publicReports, ...publicData, ...publicParticipation, ...supervisionShell, ...supervisionInspections, ...supervisionInstitutions, ...supervisionCapacity } as const;

export type MessageKey = keyof typeof zhCN;
