import { z } from 'zod';
import { ORDER_STATUSES, SEVERITIES } from '../../domain/supervision/inspection-orders';
import { INSPECTION_TOPICS } from '../../domain/supervision/reference';

/**
 * 节能监察 API (issue #11 items 1 and 4), shared with the web app. Inspectors (city roles, the inspector departments,
 * a county for its own enterprises) plan and record inspections, findings with evidence, 整改通知书 and 移送; an
 * enterprise sees and answers its own orders; a department answers the transfers sent to it.
 */

export const Id = z.coerce.number().int().positive().max(2_147_483_647);
export const IdParams = z.object({ id: Id });
const Year = z.coerce.number().int().min(2000).max(2100);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max, `不超过 ${max} 字`);
export const Topic = z.enum(INSPECTION_TOPICS);
export const Topics = z.array(Topic).min(1, '请至少选择一个监察内容').max(INSPECTION_TOPICS.length);
export const INSPECTION_STATUSES = ['planned', 'inspected', 'closed'] as const;
export const TRANSFER_STATUSES = ['sent', 'accepted', 'answered'] as const;

export const PlanBody = z.object({
  year: Year,
  regionCode: z.string().trim().min(1).max(16),
  title: Text(200, '计划名称不能为空'),
  items: z.array(z.object({ enterpriseId: Id, topics: Topics, plannedDate: Day.nullable().default(null) })).max(500).default([]),
});
export type PlanBody = z.infer<typeof PlanBody>;

export const PlanOut = z.object({
  id: z.number().int(),
  year: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'approved']),
  inspections: z.number().int(),
  createdAt: z.date(),
  approvedAt: z.date().nullable(),
});
export type PlanOut = z.infer<typeof PlanOut>;

export const InspectionBody = z.object({ enterpriseId: Id, planId: Id.nullable().default(null), topics: Topics, plannedDate: Day.nullable().default(null) });
export type InspectionBody = z.infer<typeof InspectionBody>;

export const RecordBody = z.object({
  inspectedOn: Day,
  inspectors: Text(200, '请填写现场监察人员'),
  summary: z.string().trim().max(4000).default(''),
});
export type RecordBody = z.infer<typeof RecordBody>;

export const InspectionListQuery = z.object({
  year: Year.optional(),
  regionCode: z.string().max(16).optional(),
  status: z.enum(INSPECTION_STATUSES).optional(),
  planId: Id.optional(),
});

export const InspectionRowOut = z.object({
  id: z.number().int(),
  planId: z.number().int().nullable(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  topics: z.array(z.string()),
  plannedDate: z.string().nullable(),
  inspectedOn: z.string().nullable(),
  inspectors: z.string(),
  status: z.enum(INSPECTION_STATUSES),
  summary: z.string(),
  findings: z.number().int(),
  ordersOpen: z.number().int(),
  ordersOverdue: z.number().int(),
});
export type InspectionRowOut = z.infer<typeof InspectionRowOut>;

export const FindingBody = z.object({
  topic: Topic,
  description: Text(2000, '问题描述不能为空'),
  severity: z.enum(SEVERITIES),
  legalBasis: z.string().trim().max(500).default(''),
  highEnergyProjectId: Id.nullable().default(null),
});
export type FindingBody = z.infer<typeof FindingBody>;

export const EvidenceOut = z.object({ id: z.number().int(), fileName: z.string(), uploadedAt: z.date() });
export type EvidenceOut = z.infer<typeof EvidenceOut>;
export const FileQuery = z.object({ fileName: z.string().min(1).max(255) });

export const FindingOut = z.object({
  id: z.number().int(),
  topic: Topic,
  description: z.string(),
  severity: z.enum(SEVERITIES),
  legalBasis: z.string(),
  highEnergyProjectId: z.number().int().nullable(),
  highEnergyProjectName: z.string().nullable(),
  createdAt: z.date(),
  evidence: z.array(EvidenceOut),
});
export type FindingOut = z.infer<typeof FindingOut>;

export const TransferBody = z.object({ departmentId: Id, reason: Text(1000, '请写明移送理由') });
export const TransferOut = z.object({
  id: z.number().int(),
  findingId: z.number().int(),
  findingDescription: z.string(),
  enterpriseName: z.string(),
  regionName: z.string(),
  toDepartmentId: z.number().int(),
  toDepartmentName: z.string(),
  reason: z.string(),
  status: z.enum(TRANSFER_STATUSES),
  answer: z.string().nullable(),
  sentAt: z.date(),
  answeredAt: z.date().nullable(),
});
export type TransferOut = z.infer<typeof TransferOut>;
export const TransferActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept') }),
  z.object({ action: z.literal('answer'), answer: Text(2000, '请填写办理情况') }),
]);
export type TransferActionBody = z.infer<typeof TransferActionBody>;

export const OrderBody = z.object({
  findingIds: z.array(Id).min(1, '请选择整改所针对的问题').max(50),
  requirement: Text(4000, '请填写整改要求'),
  /** Absent: today plus the reference days of the worst severity. */
  deadline: Day.nullable().default(null),
});
export type OrderBody = z.infer<typeof OrderBody>;

export const OrderActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('answer'), comment: Text(4000, '请填写整改情况') }),
  z.object({ action: z.literal('close'), comment: z.string().trim().max(2000).default('') }),
  z.object({ action: z.literal('return'), comment: Text(2000, '请写明退回原因') }),
  z.object({ action: z.literal('extend'), deadline: Day, comment: Text(1000, '请写明延期理由') }),
]);
export type OrderActionBody = z.infer<typeof OrderActionBody>;

export const OrderListQuery = z.object({ year: Year.optional(), regionCode: z.string().max(16).optional(), status: z.enum([...ORDER_STATUSES, 'overdue']).optional() });

export const OrderRowOut = z.object({
  id: z.number().int(),
  orderNo: z.string(),
  inspectionId: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  requirement: z.string(),
  deadline: z.string(),
  status: z.enum(ORDER_STATUSES),
  overdue: z.boolean(),
  issuedAt: z.date(),
});
export type OrderRowOut = z.infer<typeof OrderRowOut>;

export const OrderEventOut = z.object({ action: z.string(), comment: z.string().nullable(), actorName: z.string(), at: z.date() });
export const OrderDetailOut = OrderRowOut.extend({
  findings: z.array(FindingOut),
  events: z.array(OrderEventOut),
  evidence: z.array(EvidenceOut),
  /** What the reader may do now: the enterprise answers; inspectors close, return or extend. */
  can: z.object({ answer: z.boolean(), review: z.boolean(), extend: z.boolean() }),
});
export type OrderDetailOut = z.infer<typeof OrderDetailOut>;

export const InspectionDetailOut = InspectionRowOut.extend({
  findings: z.array(FindingOut),
  orders: z.array(OrderRowOut),
  transfers: z.array(TransferOut),
  /** The enterprise's 两高一低 projects, for a 能评未批先建 finding. */
  projects: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type InspectionDetailOut = z.infer<typeof InspectionDetailOut>;

export const CountyRowOut = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  planned: z.number().int(),
  inspected: z.number().int(),
  findings: z.number().int(),
  ordersOpen: z.number().int(),
  ordersOverdue: z.number().int(),
  ordersClosed: z.number().int(),
});
export type CountyRowOut = z.infer<typeof CountyRowOut>;
export const YearQuery = z.object({ year: Year });
