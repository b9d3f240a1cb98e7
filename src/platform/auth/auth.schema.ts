import { z } from 'zod';

// Pure schemas of the auth routes, importable by the web app's sign-in form.
export const sessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  branchId: z.number().int().nullable(),
});

export const loginBody = z.strictObject({
  username: z.string().trim().min(1, 'required').max(100),
  password: z.string().min(1, 'required').max(256),
});

/** What the session may do: everything, or only the step that completes the sign-in. */
export const sessionStage = z.enum(['full', 'mfa_required', 'password_change_required', 'enrol_required']);

export const sessionAnswer = z.object({
  user: sessionUser,
  csrfToken: z.string().nullable(),
  stage: sessionStage,
  /** The agency's time zone (AMAAN_TIME_ZONE): the web app shows dates and times in it. */
  timeZone: z.string().optional(),
});

const totpCode = z.string().trim().regex(/^\d{6}$/, 'six digits');
const recoveryCode = z.string().trim().min(10, 'a recovery code has 10 letters and digits').max(20);

export const mfaVerifyBody = z
  .strictObject({ code: totpCode.optional(), recoveryCode: recoveryCode.optional() })
  .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), { message: 'give either a code or a recovery code', path: ['code'] });

export const mfaEnrolBody = z.strictObject({
  /** Needed only to replace a second factor that is already on. */
  password: z.string().min(1, 'required').max(256).optional(),
});
export const mfaConfirmBody = z.strictObject({ code: totpCode });
export const mfaDisableBody = z.strictObject({ password: z.string().min(1, 'required').max(256) });

export const mfaStatusAnswer = z.object({ enabled: z.boolean(), enabledAt: z.string().nullable(), recoveryCodesLeft: z.number().int(), required: z.boolean() });
export const mfaEnrolAnswer = z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() });

export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1, 'required').max(256),
  newPassword: z.string().min(12, 'at least 12 characters').max(256, 'at most 256 characters'),
});

export const ownTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'required').max(100),
  expiresAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset' }).optional(),
});
export const ownTokenInfo = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), expiresAt: z.string().nullable(), revokedAt: z.string().nullable(), active: z.boolean() });
export const ownTokenCreated = z.object({ id: z.string(), name: z.string(), token: z.string(), expiresAt: z.string().nullable() });
