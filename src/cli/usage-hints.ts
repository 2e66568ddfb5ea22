import { didYouMean } from "../did-you-mean.ts";

/**
 * yargs' usage messages with a did-you-mean added: an unknown flag gets the closest flag the
 * command accepts, a value outside a flag's choices the closest choice.
 *
 * @example withHints("Unknown argument: selct", ["select", "exclude"]) // 'unknown flag --selct; did you mean --select? ...'
 */
export function withHints(
  message: string,
  flags: readonly string[],
  args: readonly string[] = [],
  commands: readonly string[] = [],
): string {
  const unknown = /^Unknown arguments?: (.+)$/.exec(message.trim());
  if (unknown) {
    const listed = unknown[1]!.split(", ").map((n) => n.replace(/^-+/, ""));
    // yargs lists `--ful-resync` twice, the second time camel-cased (`fulResync`).
    const camel = (n: string) => n.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    const names = listed.filter((n) => !listed.some((other) => other !== n && camel(other) === n));
    const lines = names.map((name) => {
      // yargs names flags and stray words alike, without dashes: the command line tells them apart.
      if (!args.some((a) => a === `-${name}` || a === `--${name}` || a.startsWith(`--${name}=`))) {
        const match = didYouMean(name, commands);
        return `unknown command or argument "${name}"${match ? `; did you mean \`cdp ${match}\`?` : ""}`;
      }
      const match = didYouMean(name, flags);
      return `unknown flag ${name.length > 1 ? "--" : "-"}${name}${match ? `; did you mean --${match}?` : ""}`;
    });
    return `${lines.join("\n  ")}\n  (\`--help\` lists the flags of each command)`;
  }
  const command = /^Did you mean (\S+)\?$/.exec(message.trim());
  if (command) return `unknown command; did you mean \`cdp ${command[1]}\`? (\`cdp --help\` lists them)`;
  const choice = /Given: "([^"]*)", Choices: (.+)$/m.exec(message);
  if (choice) {
    const choices = [...choice[2]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    const match = didYouMean(choice[1]!, choices);
    return match ? `${message}\n  Did you mean "${match}"?` : message;
  }
  return message;
}
