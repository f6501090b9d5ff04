import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ChangePasswordBody, LoginBody, MeOut } from '../../../../src/modules/auth/schemas';
import { api } from '../../api/client';

export type Me = z.infer<typeof MeOut>;

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

export const meQuery = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: () => api<Me>('/api/auth/me'),
    staleTime: 5 * 60_000,
    retry: false,
  });

/** Logging in starts a fresh cache: nothing from a previous user survives. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api<Me>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (me) => {
      qc.clear();
      qc.setQueryData(authKeys.me(), me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => qc.clear(),
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api<Me>('/api/auth/password', { method: 'POST', body }),
    onSuccess: (me) => {
      qc.setQueryData(authKeys.me(), me);
      return qc.invalidateQueries({ queryKey: authKeys.all });
    },
  });
}
