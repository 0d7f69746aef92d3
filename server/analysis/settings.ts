// What source analysis reads from the configuration: the tracing decorators users declare. The
// rules' own settings (severities, credential names, engine options) extend this in rules/types.ts.

/** A tracing decorator declared in the configuration file. */
export interface CustomTracer {
  /** The decorator or wrapper function name: `trace_step`. */
  name: string;
  /** The module it is imported from: `myco.tracing` / `@myco/tracing`. Absent: matched by name alone. */
  module?: string;
  /** The keyword that lists excluded inputs, if the decorator has one: `exclude`. */
  exclusionParam?: string;
  /** The keyword that turns input capture off, if any: `capture_inputs`. */
  captureParam?: string;
}

export interface AnalysisSettings {
  /** Further tracing decorators / wrappers declared by the user. */
  tracingDecorators?: CustomTracer[];
}
