import type { HttpClient } from "../../src/connector-kit/index.ts";
import { toBatchError } from "./errors.ts";

/** `GET /v1/account`: the key is valid and the account can write records. */
export async function checkAccount(http: HttpClient): Promise<void> {
  try {
    await http.request({ method: "GET", url: "/v1/account" });
  } catch (error) {
    throw toBatchError(error, "reading the account");
  }
}
