import type { DataManagerApi } from "./client.ts";
import { type AudienceMember, destinationOf, type RequestSettings, requestConsent } from "./request.ts";

/**
 * `POST /v1/audienceMembers:ingest` (IngestAudienceMembersRequest, ingestion_service.proto):
 * `destinations`, `audienceMembers` (at most 10,000), the request's `consent`, `encoding`
 * (required for UserData), `termsOfService` (the Customer Match terms must be ACCEPTED for
 * UserData, terms_of_service.proto) and `validateOnly`. Answers `{requestId}`: processing goes on
 * after the answer (requestStatus:retrieve); a validateOnly request answers no id.
 */
export async function ingestMembers(
  api: DataManagerApi,
  members: AudienceMember[],
  s: RequestSettings,
): Promise<string | undefined> {
  const consent = requestConsent(s.config);
  const body = await api.post(
    "audienceMembers:ingest",
    {
      destinations: [destinationOf(s.config)],
      audienceMembers: members,
      ...(consent ? { consent } : {}),
      encoding: s.config.encoding,
      termsOfService: { customerMatchTermsOfServiceStatus: "ACCEPTED" },
      ...(s.validateOnly ? { validateOnly: true } : {}),
    },
    s.validateOnly ? "validating an ingest request (validateOnly)" : `ingesting ${members.length} members`,
  );
  return typeof body.requestId === "string" && body.requestId ? body.requestId : undefined;
}
