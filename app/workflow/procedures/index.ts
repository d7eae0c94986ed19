/** Every procedure definition, by id. */
import type { ProcedureDefinition, ProcedureId } from '../types'
import { research18d } from './research-18d'
import { skilledWorker81a } from './skilled-worker-81a'
import { study16b } from './study-16b'
import { training16a } from './training-16a'

export const procedures: Readonly<Record<ProcedureId, ProcedureDefinition>> = {
  'skilled-worker-81a': skilledWorker81a,
  'study-16b': study16b,
  'research-18d': research18d,
  'training-16a': training16a,
}

export { research18d, skilledWorker81a, study16b, training16a }
