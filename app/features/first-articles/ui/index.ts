// What other features' pages reuse of the first article's UI: the measurement grid (judged as
// typed, saving as typed) and the autosave status line and conflict note it shows.
export { AutosaveStatusLine, CellConflictNote } from "./autosave-status.tsx";
export { MeasurementGrid, type MeasurementGridProps } from "./measurement-grid.tsx";
export type { AutosaveStatus } from "./use-grid-readings.ts";
