import type { TFunction } from 'i18next'

import type { AllowedAction } from '~/workflow/types'

/** The button text of an action: what it does, in the step's own words where the step has them. */
export function actionLabel(t: TFunction, action: Pick<AllowedAction, 'type' | 'step'>) {
  const stepName = action.step ? t(`workflow:steps.${action.step}.name`) : ''
  switch (action.type) {
    case 'startStep':
    case 'completeStep':
      return t([`workflow:${action.type}.${action.step}`, `workflow:actions.${action.type}`])
    case 'skipStep':
      return t('cases:actions.skipStep', { step: stepName })
    default:
      return t(`workflow:actions.${action.type}`)
  }
}
