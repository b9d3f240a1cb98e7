import type { z } from 'zod';
import type { mfaEnrolAnswer, mfaStatusAnswer, ownTokenBody, ownTokenCreated, ownTokenInfo, passwordChangeBody } from '../../../../platform/auth/auth.schema.ts';
import { api } from '../../../app/api-client.ts';

// My account: my password, my second factor, my API tokens. Nothing here reaches anyone else's account.
export type MfaStatus = z.infer<typeof mfaStatusAnswer>;
export type MfaEnrolment = z.infer<typeof mfaEnrolAnswer>;
export type OwnToken = z.infer<typeof ownTokenInfo>;
export type OwnCreatedToken = z.infer<typeof ownTokenCreated>;

export const fetchMfa = () => api.get<MfaStatus>('/auth/mfa');
export const startMfa = (password?: string) => api.post<MfaEnrolment>('/auth/mfa/enrol', password ? { password } : {});
export const confirmMfa = (code: string) => api.post<{ recoveryCodes: string[] }>('/auth/mfa/enrol/confirm', { code });
export const disableMfa = (password: string) => api.post<{ ok: true }>('/auth/mfa/disable', { password });
export const changePassword = (body: z.output<typeof passwordChangeBody>) => api.post<{ ok: true }>('/auth/password', body);
export const fetchOwnTokens = () => api.get<{ items: OwnToken[] }>('/auth/tokens');
export const createOwnToken = (body: z.output<typeof ownTokenBody>) => api.post<OwnCreatedToken>('/auth/tokens', body);
export const revokeOwnToken = (id: string) => api.delete<{ ok: true }>(`/auth/tokens/${id}`);
