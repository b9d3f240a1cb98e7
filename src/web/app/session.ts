import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { sessionStage, sessionUser } from '../../platform/auth/auth.schema.ts';
import type { Role } from '../../platform/db/schema.ts';
import { can, type Permission } from '../../platform/access/permissions.ts';
import { api, ApiError, setCsrfToken } from './api-client.ts';
import { roleHomes } from './role-homes.ts';
import { setAgencyTimeZone } from '../i18n/format.ts';

/** What is left of the sign-in: nothing ('full'), a code, a password change, or enrolling MFA. */
export type SessionStage = z.infer<typeof sessionStage>;
export type SessionUser = Omit<z.infer<typeof sessionUser>, 'role'> & { role: Role; stage: SessionStage };
export interface SessionResponse {
  user: Omit<SessionUser, 'stage'>;
  csrfToken: string | null;
  stage: SessionStage;
  /** The agency's time zone: every date and time is shown in it. */
  timeZone?: string;
}

export const sessionKey = ['session'] as const;

export async function fetchSession(): Promise<SessionUser | null> {
  try {
    const res = await api.get<SessionResponse>('/auth/me');
    setCsrfToken(res.csrfToken);
    setAgencyTimeZone(res.timeZone);
    if (window.location.pathname === '/' && res.stage === 'full') void roleHomes[res.user.role]?.preload().catch(() => undefined);
    return { ...res.user, stage: res.stage };
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
  return (permission) => (data && data.stage === 'full' ? can(data.role, permission) : false);
}

/** Stores a new session answer (after the password, the code, or a finished step) as the signed-in user. */
export function useSetSession() {
  const qc = useQueryClient();
  return (res: SessionResponse) => {
    setCsrfToken(res.csrfToken);
    setAgencyTimeZone(res.timeZone);
    if (res.stage === 'full') void roleHomes[res.user.role]?.preload().catch(() => undefined);
    // Everything cached belonged to the previous session; the session query itself stays, so a page that
    // watches it (the sign-in page going on to the code step) sees the new value.
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    qc.setQueryData(sessionKey, { ...res.user, stage: res.stage });
  };
}

/** After a step of the sign-in is done on the server (MFA enrolled, password changed): read the stage again. */
export function useRefreshSession() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: sessionKey });
}

export function useSignIn() {
  const setSession = useSetSession();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<SessionResponse>('/auth/login', body),
    onSuccess: setSession,
  });
}

/** The second step: a code from the authenticator app, or a recovery code. */
export function useVerifyMfa() {
  const setSession = useSetSession();
  return useMutation({
    mutationFn: (body: { code?: string; recoveryCode?: string }) => api.post<SessionResponse & { recoveryCodesLeft: number | null }>('/auth/mfa/verify', body),
    onSuccess: setSession,
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
