// The configuration schema as data (bundled from schemas/tracelint.schema.json, the file editors
// use), and the lists derived from it.
import schemaJson from '../../schemas/tracelint.schema.json';
import { deref, type SchemaNode } from './validate';

export const CONFIG_SCHEMA = schemaJson as unknown as SchemaNode;

/** Detector names the configuration may set (`detectors.<name>`). */
export const CONFIGURABLE_DETECTORS: readonly string[] = Object.keys(deref(CONFIG_SCHEMA, CONFIG_SCHEMA.properties!.detectors).properties ?? {});

/** Rule ids the configuration may set (`rules.<id>`). */
export const CONFIGURABLE_RULES: readonly string[] = Object.keys(deref(CONFIG_SCHEMA, CONFIG_SCHEMA.properties!.rules).properties ?? {});
