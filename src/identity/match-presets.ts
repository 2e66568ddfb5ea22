import { PERSON_MATCH_SETTINGS } from "./match-person-settings.ts";
import { type MatchSettings, matchSettingsSchema } from "./match-settings.ts";

/** The recommended person-record settings, validated. */
export const PERSON_SETTINGS: MatchSettings = matchSettingsSchema.parse(PERSON_MATCH_SETTINGS);
