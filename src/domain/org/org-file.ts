import { z } from 'zod';

/** The shape of data/org/*.yaml: a city, its regions and the departments its plans name. */
export const RegionKind = z.enum(['city', 'district', 'county', 'county_city', 'zone']);
export const DepartmentKind = z.enum(['party', 'government', 'central', 'enterprise', 'mass_org']);

export const OrgFile = z.object({
  city: z.object({ code: z.string().regex(/^\d{6}$/), name: z.string() }),
  regions: z
    .array(
      z.object({
        code: z.string().min(1),
        name: z.string().min(1),
        fullName: z.string().optional(),
        kind: RegionKind,
        formerName: z.string().optional(),
        formerCode: z.string().optional(),
      }),
    )
    .min(1),
  departments: z.array(
    z.object({
      code: z.string().regex(/^[a-z0-9_-]+$/),
      name: z.string().min(1),
      fullName: z.string().min(1),
      kind: DepartmentKind,
    }),
  ),
});
export type OrgFile = z.infer<typeof OrgFile>;
