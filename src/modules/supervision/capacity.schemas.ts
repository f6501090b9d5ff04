import { z } from 'zod';
import { EXPERT_RELATIONS } from '../../domain/supervision/expert-conflicts';
import { TRAINING_STATUSES } from '../../domain/supervision/training-status';

/**
 * 专家库与培训 API (issue #11 item 3): the expert pool with declared relations and conflict-checked assignments,
 * training events with attendance, and the key units' energy managers with their training status. Shared with the web.
 */

const Id = z.coerce.number().int().positive().max(2_147_483_647);
const IsoDate = z.iso.date();
const RegionCode = z.string().trim().min(1).max(16);
const Text = (max: number) => z.string().trim().max(max);
const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** 专家领域 as the pool is usually split; the list is open (other fields may be typed in). */
export const EXPERT_FIELDS = ['工业节能', '建筑节能', '交通节能', '公共机构节能', '节能审查', '环境影响评价', '清洁生产', '能源审计'] as const;
export const ExpertRelationKind = z.enum(EXPERT_RELATIONS);
export const SUBJECT_KINDS = ['enterprise', 'high-energy-project', 'inspection'] as const;
export const SubjectKind = z.enum(SUBJECT_KINDS);
export const TRAINING_AUDIENCES = ['departments', 'inspectors', 'energy-managers', 'mixed'] as const;
export const TrainingStatus = z.enum(TRAINING_STATUSES);

/** The caller's part in the pool and training (manager, inspector, county, enterprise, none). */
export const CapacityRoleOut = z.object({
  role: z.enum(['manager', 'inspector', 'county', 'enterprise', 'none']),
  /** May work on inspections (节能监察机构: the city, the inspector departments, the counties). */
  inspects: z.boolean(),
});

export const ExpertBody = z.object({
  name: Text(50).min(1, '姓名不能为空'),
  fields: z.array(Text(30).min(1)).min(1, '至少选择一个专业领域').max(12),
  title: Text(50).default(''),
  organisation: Text(200).default(''),
  regionCode: RegionCode.nullable().default(null),
  phone: z.string().trim().regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确').nullable().default(null),
  available: z.boolean().default(true),
  note: Text(500).default(''),
});
export type ExpertBody = z.infer<typeof ExpertBody>;

export const ExpertQuery = z.object({
  field: Text(30).optional(),
  regionCode: RegionCode.optional(),
  available: Bool.optional(),
  /** Candidates for reviewing this enterprise: each expert's conflicts with it, those without first. */
  forEnterpriseId: Id.optional(),
});

export const RelationOut = z.object({ id: z.number(), enterpriseId: z.number(), enterpriseName: z.string(), relation: ExpertRelationKind, declaredAt: z.date() });

export const ExpertOut = z.object({
  id: z.number(),
  name: z.string(),
  fields: z.array(z.string()),
  title: z.string(),
  organisation: z.string(),
  regionCode: z.string().nullable(),
  /** Only the pool's managers get the phone; everyone else null. */
  phone: z.string().nullable(),
  available: z.boolean(),
  note: z.string(),
  updatedAt: z.date(),
  /** With forEnterpriseId: the conflicts with that enterprise (empty: a candidate). */
  conflicts: z.array(z.string()).nullable(),
});
export type ExpertOut = z.infer<typeof ExpertOut>;

export const AssignmentOut = z.object({
  id: z.number(),
  expertId: z.number(),
  subjectKind: SubjectKind,
  subjectId: z.number(),
  enterpriseId: z.number().nullable(),
  enterpriseName: z.string().nullable(),
  purpose: z.string(),
  conflicts: z.array(z.string()),
  overrideReason: z.string().nullable(),
  assignedAt: z.date(),
});

export const ExpertDetailOut = ExpertOut.extend({ relations: z.array(RelationOut), assignments: z.array(AssignmentOut) });

export const RelationBody = z.object({
  enterpriseId: z.number().int().positive(),
  relation: ExpertRelationKind,
  /** When the expert declared it (default: now). */
  declaredOn: IsoDate.optional(),
});

export const AssignmentSubject = z.object({ expertId: Id, subjectKind: SubjectKind, subjectId: Id });
export const AssignmentBody = z.object({
  expertId: z.number().int().positive(),
  subjectKind: SubjectKind,
  subjectId: z.number().int().positive(),
  purpose: Text(300).min(1, '请填写评审事项'),
  /** Required when conflicts are found: why this expert all the same (recorded and audited). */
  overrideReason: Text(500).optional(),
});
export const ConflictCheckOut = z.object({ enterpriseId: z.number().nullable(), enterpriseName: z.string().nullable(), conflicts: z.array(z.string()) });

export const TrainingEventBody = z.object({
  title: Text(200).min(1, '培训名称不能为空'),
  audience: z.enum(TRAINING_AUDIENCES),
  startsOn: IsoDate,
  hours: z.number().positive('学时应大于 0').max(500),
  location: Text(200).default(''),
  organiserDepartmentId: z.number().int().positive().nullable().default(null),
});
export type TrainingEventBody = z.infer<typeof TrainingEventBody>;

export const TrainingEventOut = z.object({
  id: z.number(),
  title: z.string(),
  audience: z.enum(TRAINING_AUDIENCES),
  startsOn: z.string(),
  hours: z.number(),
  location: z.string(),
  organiserDepartmentId: z.number().nullable(),
  attendees: z.number(),
});

/** One attendee: a platform user, or an enterprise's energy manager by enterprise and name. */
export const AttendanceBody = z
  .object({
    userId: z.number().int().positive().optional(),
    enterpriseId: z.number().int().positive().optional(),
    name: Text(50).optional(),
    attended: z.boolean(),
    certificateNo: Text(50).nullable().default(null),
  })
  .superRefine((b, ctx) => {
    if (b.userId === undefined && b.enterpriseId === undefined) ctx.addIssue({ code: 'custom', path: ['userId'], message: '请选择平台用户，或填写企业及姓名' });
    if (b.userId !== undefined && b.enterpriseId !== undefined) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '平台用户与企业人员只能填写一种' });
    if (b.enterpriseId !== undefined && !b.name) ctx.addIssue({ code: 'custom', path: ['name'], message: '请填写企业参训人员姓名' });
  });
export type AttendanceBody = z.infer<typeof AttendanceBody>;

export const AttendanceOut = z.object({
  id: z.number(),
  eventId: z.number(),
  userId: z.number().nullable(),
  enterpriseId: z.number().nullable(),
  enterpriseName: z.string().nullable(),
  regionCode: z.string().nullable(),
  name: z.string(),
  attended: z.boolean(),
  certificateNo: z.string().nullable(),
  recordedAt: z.date(),
});
export const TrainingEventDetailOut = TrainingEventOut.extend({ attendance: z.array(AttendanceOut) });

export const EnergyManagerQuery = z.object({
  regionCode: RegionCode.optional(),
  status: TrainingStatus.optional(),
  /** The year "trained this year" refers to (default: this year, Beijing time). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const EnergyManagerOut = z.object({
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  keyUnitClass: z.string().nullable(),
  manager: z.string().nullable(),
  /** Only the pool's managers get the phone; everyone else null. */
  managerPhone: z.string().nullable(),
  status: TrainingStatus,
  lastTrainedOn: z.string().nullable(),
});
export type EnergyManagerOut = z.infer<typeof EnergyManagerOut>;

export const EnergyManagerRecordOut = EnergyManagerOut.extend({
  trainings: z.array(z.object({ eventId: z.number(), title: z.string(), startsOn: z.string(), hours: z.number(), name: z.string(), attended: z.boolean(), certificateNo: z.string().nullable() })),
});
