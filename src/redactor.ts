/**
 * Secret values are replaced by `***` in every message, log line and artifact. A leaf module:
 * anything may import it, and it imports nothing.
 */
export class Redactor {
  private readonly values = new Set<string>();

  add(value: string | undefined): void {
    // Very short values would redact half of every log line and protect nothing.
    if (value && value.length >= 4) this.values.add(value);
  }

  redact(text: string): string {
    let out = text;
    for (const value of this.values) out = out.split(value).join("***");
    return out;
  }

  get size(): number {
    return this.values.size;
  }
}

/** One redactor per process: secrets are process-wide, like the environment they come from. */
export const redactor = new Redactor();
