// The trace: one entry per step the engine ran, with the points of the act it implements and the
// readings (product decisions on ambiguous text) it relied on.

export interface TraceEntry {
  /** The step's id (the value it produced), or a fixed name: route, eligibility, input. */
  step: string;
  op: string;
  /** Point ids of the act. */
  implements?: string[];
  /** The same points as cited (e.g. "p. 8"), when the configuration knows them. */
  cites?: string[];
  in?: Record<string, unknown>;
  out?: unknown;
  note?: string;
  /** Readings in force for this step: id and text. */
  readings?: Array<{ id: string; text: string }>;
}
