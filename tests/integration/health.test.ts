import { describe, expect, it, vi } from 'vitest'

import { loader } from '~/routes/healthz'
import { prisma } from '~/utils/db.server'

describe('GET /healthz', () => {
  it('answers 200 with the database status', async () => {
    const response = await loader()
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' })
  })

  it('answers 503 when the database does not answer', async () => {
    const query = vi.spyOn(prisma, '$queryRaw').mockRejectedValueOnce(new Error('connection refused'))
    const response = await loader()
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ status: 'error', db: 'down' })
    query.mockRestore()
  })
})
