import { StandInServer } from "./server.ts";

/**
 * The stand-in's own process (see index.ts): starts the server, reports where it listens, then
 * runs the test's control calls (arm a failure, read the job log, ...) sent over IPC.
 */
const options = JSON.parse(process.env.CDP_STANDIN_OPTIONS ?? "{}");
const server = await StandInServer.start(options);

type Control = Record<string, (...args: never[]) => unknown>;

process.on("message", async (message: { id: number; method: string; args: unknown[] }) => {
  try {
    const control = server as unknown as Control;
    const value =
      message.method === "jobs" || message.method === "calls"
        ? server[message.method]
        : await control[message.method]!(...(message.args as never[]));
    process.send!({ id: message.id, value: value ?? null }, () => {
      if (message.method === "close") process.exit(0);
    });
  } catch (error) {
    process.send!({ id: message.id, error: String((error as Error).message ?? error) });
  }
});
// The test process went away: so does the stand-in.
process.on("disconnect", () => process.exit(0));
process.send!({ ready: { url: server.url, project: server.project, keyFile: server.keyFile } });
