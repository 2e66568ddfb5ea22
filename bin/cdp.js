#!/usr/bin/env node
// Entry point of the `cdp` command: TypeScript sources run through tsx's loader.
import { register } from "tsx/esm/api";

register();
// `cdp ls | head` closes the pipe early: that is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
