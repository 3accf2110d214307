import { SignJWT } from 'jose';

/** A Cube token as the demo endpoint would issue it, for tests that talk to Cube directly. */
export async function signToken(secret: string, claims: Record<string, unknown>, expiresIn = '1h'): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
