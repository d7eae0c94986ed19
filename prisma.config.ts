import { loadEnvFile } from './server/env.ts'
import { PrismaPg } from '@prisma/adapter-pg'
import { defineConfig } from 'prisma/config'

// The CLI only needs a resolvable URL for `generate` and `migrate diff`; with the JS engine it never
// downloads a native engine (this machine cannot). See docs/decisions/002-embedded-postgres.md.
loadEnvFile()
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/postgres'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  engine: 'js',
  experimental: { adapter: true },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL, idleTimeoutMillis: 100 })
  },
})
