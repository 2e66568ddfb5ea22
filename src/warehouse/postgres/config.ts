import { z } from "zod";

/** A value from the config file, or `secret("ENV_VAR")` resolved from the environment. */
const secretString = z.string().min(1);

/**
 * PostgreSQL. Every connection field is optional: what is not set comes from `DATABASE_URL` or the
 * standard `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE` variables, like psql.
 */
export const postgresTargetSchema = z
  .object({
    type: z.literal("postgres"),
    /** A postgres:// URL; a secret, since it usually carries the password. */
    connectionString: secretString.optional(),
    host: z.string().min(1).optional(),
    port: z.number().int().positive().optional(),
    user: z.string().min(1).optional(),
    password: secretString.optional(),
    database: z.string().min(1).optional(),
    /** Default schema models and seeds are built in. */
    schema: z.string().min(1).default("public"),
    ssl: z.boolean().optional(),
    /** Connections kept open at most (defaults to the number of threads). */
    poolSize: z.number().int().positive().optional(),
    /** Seconds before a connection attempt gives up. */
    connectTimeout: z.number().positive().default(10),
  })
  .strict();

export type PostgresTargetConfig = z.output<typeof postgresTargetSchema>;
