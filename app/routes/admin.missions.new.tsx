import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AdminBreadcrumbs } from '~/components/admin-nav'
import { MissionForm } from '~/components/mission-form'
import { createMission } from '~/models/mission.server'
import { MissionSchema } from '~/schemas/missions'
import { isFormReply } from '~/utils/forms'
import { badRequest, parseForm } from '~/utils/forms.server'
import type { PageHandle } from '~/utils/page-title'
import { requireAuthority } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = { pageTitle: (t) => t('staff:missions.create.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAuthority(request, 'manageMissions')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAuthority(request, 'manageMissions')
  const submission = await parseForm(request, MissionSchema)
  if (!submission.ok) return badRequest(submission.reply)
  await createMission(admin, submission.value)
  return redirectWithToast('/admin/missions', 'staff:toast.missionCreated')
}

export default function CreateMission() {
  const { t } = useTranslation('staff')
  const actionData = useActionData<typeof action>()
  return (
    <div className="narrow">
      <AdminBreadcrumbs
        trail={[{ to: '/admin/missions', label: t('missions.list.title') }]}
        current={t('missions.create.title')}
      />
      <h1>{t('missions.create.title')}</h1>
      <p>{t('missions.create.intro')}</p>
      <MissionForm
        reply={isFormReply(actionData) ? actionData : null}
        submitLabel={t('missions.create.submit')}
      />
    </div>
  )
}
