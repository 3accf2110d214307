import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { COOP_ID, ROLES, type Role, type SecurityContext } from '../domain/roles';

const claimsSchema = z
  .object({
    role: z.enum(ROLES),
    coop_id: z.string().regex(COOP_ID).optional(),
    exp: z.number().int(),
  })
  .refine((c) => c.role !== 'coop_board' || c.coop_id !== undefined, {
    message: 'a coop_board token must carry its coop_id',
    path: ['coop_id'],
  });

export class AccessDeniedError extends Error {}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Verify an HS256 token (signature, expiry, known role, a board's co-op) into a security context. */
export async function verifyToken(token: string, secret: string): Promise<SecurityContext> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'], requiredClaims: ['exp'] }));
  } catch (error) {
    throw new AccessDeniedError(`Invalid token: ${(error as Error).message}`);
  }
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) {
    throw new AccessDeniedError(`Invalid token claims: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const { role, coop_id, exp } = parsed.data;
  return role === 'coop_board' ? { role, coop_id, exp } : { role, exp };
}

export interface IssuedToken {
  token: string;
  role: Role;
  coop_id?: string;
  expires_at: string;
}

/** Sign a token for a role (and a board's co-op), expiring after ttlSeconds. */
export async function issueToken(
  claims: { role: Role; coop_id?: string },
  secret: string,
  ttlSeconds = 8 * 3600,
): Promise<IssuedToken> {
  const parsed = claimsSchema.parse({ ...claims, exp: Math.floor(Date.now() / 1000) + ttlSeconds });
  const payload: Record<string, string> = { role: parsed.role };
  if (parsed.role === 'coop_board' && parsed.coop_id) payload.coop_id = parsed.coop_id;
  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(parsed.exp)
    .sign(key(secret));
  return {
    token,
    role: parsed.role,
    ...(payload.coop_id ? { coop_id: payload.coop_id } : {}),
    expires_at: new Date(parsed.exp * 1000).toISOString(),
  };
}
