import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { sessionUser } from '../../platform/auth/auth.schema.ts';
import type { Role } from '../../platform/db/schema.ts';
import { can, type Permission } from '../../platform/access/permissions.ts';
import { api, ApiError, setCsrfToken } from './api-client.ts';
import { roleHomes } from './role-homes.ts';

export type SessionUser = Omit<z.infer<typeof sessionUser>, 'role'> & { role: Role };
interface SessionResponse {
  user: SessionUser;
  csrfToken: string | null;
}

export const sessionKey = ['session'] as const;

export async function fetchSession(): Promise<SessionUser | null> {
  try {
    const res = await api.get<SessionResponse>('/auth/me');
    setCsrfToken(res.csrfToken);
    if (window.location.pathname === '/') void roleHomes[res.user.role]?.preload().catch(() => undefined);
    return res.user;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity, retry: false });
}

/** The signed-in user; only call under <RequireSignIn>. */
export function useUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useUser outside a signed-in route');
  return data;
}

export function useCan(): (permission: Permission) => boolean {
  const { data } = useSession();
  return (permission) => (data ? can(data.role, permission) : false);
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<SessionResponse>('/auth/login', body),
    onSuccess: (res) => {
      setCsrfToken(res.csrfToken);
      void roleHomes[res.user.role]?.preload().catch(() => undefined);
      qc.clear();
      qc.setQueryData(sessionKey, res.user);
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(sessionKey, null);
    },
  });
}
