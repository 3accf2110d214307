/* global COMPILE_CONTEXT -- Cube model global: the compiler provides it */
// Role-dependent parts of the model. Cube compiles the model once per role (cube-server's
// contextToAppId), with that role's security context in COMPILE_CONTEXT, so a view or member
// left out for a role does not exist for it at all: it is absent from /meta and /load refuses it.
// (A member's own `public: false` does not hide it from a view that includes it.) Who may query
// each view at all is VIEW_ACCESS in query-rewrite.ts.
//
// Model files import this as `./shared/roles` whatever folder they are in: Cube resolves a
// model import from the model folder, not from the importing file.
const role = (COMPILE_CONTEXT.securityContext || {}).role;

// Roles that may see personal data (employee or shareholder identities, civil IDs).
const PERSONAL_DATA_ROLES = ['auditor'];
// Roles that get the audit workbench: from a ranked anomaly down to mart rows and batches.
const ROW_LEVEL_ROLES = ['auditor'];

/** Whether this role's model holds the row-level audit views at all. */
export const compilesRowLevelViews = ROW_LEVEL_ROLES.includes(role);

/** A view's members for this role: the `personal` ones only for roles that may see personal data. */
export const visible = (members, personal = []) =>
  PERSONAL_DATA_ROLES.includes(role) ? members.concat(personal) : members;
