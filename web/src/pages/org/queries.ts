import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DepartmentOut, RegionOut, UserBody, UserOut, UserPatch, UserWithPasswordOut } from '../../../../src/modules/org/schemas';
import { api } from '../../api/client';

export type Region = z.infer<typeof RegionOut>;
export type Department = z.infer<typeof DepartmentOut>;
export type User = z.infer<typeof UserOut>;
export type UserWithPassword = z.infer<typeof UserWithPasswordOut>;
export type NewUser = z.input<typeof UserBody>;

export const orgKeys = {
  all: ['org'] as const,
  regions: () => [...orgKeys.all, 'regions'] as const,
  departments: () => [...orgKeys.all, 'departments'] as const,
  users: () => [...orgKeys.all, 'users'] as const,
};

/** Reference data: it changes only when the org file is reloaded. */
const REFERENCE = { staleTime: 60 * 60_000 };

export const regionsQuery = () => queryOptions({ queryKey: orgKeys.regions(), queryFn: () => api<Region[]>('/api/org/regions'), ...REFERENCE });

export const departmentsQuery = () =>
  queryOptions({ queryKey: orgKeys.departments(), queryFn: () => api<Department[]>('/api/org/departments'), ...REFERENCE });

export const usersQuery = () => queryOptions({ queryKey: orgKeys.users(), queryFn: () => api<User[]>('/api/org/users') });

/** The counties, districts and zones below the city (everything but the city itself). */
export function localRegions(regions: readonly Region[]): Region[] {
  return regions.filter((r) => r.kind !== 'city');
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUser) => api<UserWithPassword>('/api/org/users', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.users() }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: z.infer<typeof UserPatch> }) =>
      api<UserWithPassword>(`/api/org/users/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.users() }),
  });
}
