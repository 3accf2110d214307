/** The audiences of docs/contracts.md: who may use Rabt, and what a signed-in user carries. */
export const ROLES = ['leadership', 'planner', 'auditor', 'controller', 'coop_board'] as const;
export type Role = (typeof ROLES)[number];

export const COOP_ID = /^C\d{3,}$/;

/** What a verified token puts in Cube's security context. */
export interface SecurityContext {
  role: Role;
  coop_id?: string;
  exp: number;
}
