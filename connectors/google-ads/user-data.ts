/** The Google Ads API's `UserData` in REST JSON: the identifiers of one member. */
export interface AddressInfo {
  /** SHA-256 hex of the normalised first name. */
  hashedFirstName: string;
  /** SHA-256 hex of the normalised last name. */
  hashedLastName: string;
  /** ISO 3166-1 alpha-2, upper case, not hashed. */
  countryCode: string;
  /** As written on the address, not hashed. */
  postalCode: string;
}

/** Exactly one of the fields per identifier (a union in the API). */
export type UserIdentifier =
  | { hashedEmail: string }
  | { hashedPhoneNumber: string }
  | { addressInfo: AddressInfo }
  | { thirdPartyUserId: string };

export interface UserData {
  userIdentifiers: UserIdentifier[];
}

/** What a job does with its members: add them, or remove them (never both in one job). */
export type JobKind = "create" | "remove";
