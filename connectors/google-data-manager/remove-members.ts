import type { DataManagerApi } from "./client.ts";
import { type AudienceMember, destinationOf, type RequestSettings } from "./request.ts";

/**
 * `POST /v1/audienceMembers:remove` (RemoveAudienceMembersRequest, ingestion_service.proto):
 * `destinations`, `audienceMembers` (at most 10,000), `encoding` and `validateOnly`; the message
 * has no consent and no terms of service. Members carry only their identifiers (no consent).
 * Answers `{requestId}`.
 */
export async function removeMembers(
  api: DataManagerApi,
  members: AudienceMember[],
  s: RequestSettings,
): Promise<string | undefined> {
  const body = await api.post(
    "audienceMembers:remove",
    {
      destinations: [destinationOf(s.config)],
      audienceMembers: members.map((m) => ({ userData: m.userData })),
      encoding: s.config.encoding,
      ...(s.validateOnly ? { validateOnly: true } : {}),
    },
    `removing ${members.length} members`,
  );
  return typeof body.requestId === "string" && body.requestId ? body.requestId : undefined;
}
