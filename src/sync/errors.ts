import { CdpError } from "../errors.ts";

/** A sync could not run or stopped: the message names the sync and what to do. */
export class SyncError extends CdpError {
  constructor(message: string) {
    super(message);
    this.name = "SyncError";
  }
}
