/** The JSON the live app's endpoints (`/app/api/...`) answer with. */
export interface SearchMatch {
  profile_id: string;
  identifier_type: string;
  identifier: string;
}

export interface Profile360 {
  profile_id: string;
  identifiers: {
    type: string;
    value: string;
    sources: string[];
    first_seen: string | null;
    last_seen: string | null;
  }[];
  records: { source: string; record_id: string }[];
  /** The golden record's values, with the source each came from when the model says it. */
  golden?: Record<string, { value: unknown; source?: string }>;
  traits: Record<string, unknown>;
  audiences: string[];
  merges: { at: string | null; from: string; to: string; reason: string }[];
  links: { model: string; record_a: string; record_b: string; probability: number; explanation: string }[];
}

export interface AudienceSummary {
  name: string;
  size: number;
  history: { at: string | null; size: number }[];
}
