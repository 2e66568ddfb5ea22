import { PERSON_MATCH_SETTINGS } from "./person-settings.ts";
import { type MatchSettings, matchSettingsSchema } from "./settings.ts";

/** The recommended person-record settings, validated. */
export const PERSON_SETTINGS: MatchSettings = matchSettingsSchema.parse(PERSON_MATCH_SETTINGS);
