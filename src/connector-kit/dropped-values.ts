/** At most this many row keys are kept as a sample per field. */
const SAMPLE_KEYS = 5;

/** What a connector left out of the rows it sent, per field: a count and a few row keys. */
export type DroppedValuesReport = Record<string, { rows: number; sampleKeys: string[] }>;

/**
 * Values a connector did not send because they are not valid (a phone that is not a valid number
 * for the region it is read in, an email that is not an address), while the row itself went with
 * its other identifiers. Counted per field with a sample of row keys (never the values: they are
 * personal data) for the sync's result, so a column that is mostly invalid shows up there.
 *
 * @example
 * const dropped = new DroppedValues();
 * dropped.add("phone", "profile-17");
 * dropped.report() // { phone: { rows: 1, sampleKeys: ["profile-17"] } }
 */
export class DroppedValues {
  private readonly byField = new Map<string, Set<string>>();

  add(field: string, key: string): void {
    const keys = this.byField.get(field) ?? new Set<string>();
    this.byField.set(field, keys);
    keys.add(key);
  }

  get size(): number {
    return this.byField.size;
  }

  report(): DroppedValuesReport {
    const out: DroppedValuesReport = {};
    for (const [field, keys] of this.byField)
      out[field] = { rows: keys.size, sampleKeys: [...keys].slice(0, SAMPLE_KEYS) };
    return out;
  }
}
