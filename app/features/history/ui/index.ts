export { AuditChanges } from "./audit-changes.tsx";
export { Timeline } from "./timeline.tsx";
