/** A playbook ready to use: overlays applied, ids checked, its content hashed. */
import type { BasePlaybook } from "./schema.js";

export interface ResolvedPlaybook extends BasePlaybook {
  /** sha256 (hex) of the source files' text, base first: recorded in the incident */
  hash: string;
  /** the files it was built from, base first */
  files: string[];
  /** ids of the playbooks it extends, nearest first (empty for a base playbook) */
  extendsChain: string[];
}
