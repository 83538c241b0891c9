// The attachments UI that other features' UI may use (docs/architecture.md: a feature's
// UI is reached from another feature only through its ui/index.ts).
export { FileInput, FilePreview } from "./file-preview.tsx";
