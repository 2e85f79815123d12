/** Liveness and readiness (app/site/health.server.ts). */
import { healthResponse } from '#app/site/health.server.ts'

export const loader = () => healthResponse()
