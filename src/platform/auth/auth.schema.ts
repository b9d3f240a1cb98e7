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
