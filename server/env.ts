import { existsSync } from 'node:fs'

/** Loads `.env` from the working directory if there is one; real environment variables win. */
export function loadEnvFile(path = '.env') {
  if (existsSync(path)) process.loadEnvFile(path)
}
