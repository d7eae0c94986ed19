import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AdminBreadcrumbs } from '~/components/admin-nav'
import { MissionForm } from '~/components/mission-form'
import { getMission, updateMission } from '~/models/mission.server'
import { MissionSchema } from '~/schemas/missions'
import { isFormReply } from '~/utils/forms'
import { badRequest, parseForm } from '~/utils/forms.server'
import type { PageHandle } from '~/utils/page-title'
import { notFound, requireAuthority } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = {
  pageTitle: (t, data) =>
    t('staff:missions.edit.title', { name: (data as LoaderData | undefined)?.mission.name }),
}

async function requireMission(request: Request, missionId: string | undefined) {
  const admin = await requireAuthority(request, 'manageMissions')
  const mission = (await getMission(missionId ?? '')) ?? notFound()
  return { admin, mission }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mission } = await requireMission(request, params.missionId)
  return { mission }
}

type LoaderData = Awaited<ReturnType<typeof loader>>

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, mission } = await requireMission(request, params.missionId)
  const submission = await parseForm(request, MissionSchema)
  if (!submission.ok) return badRequest(submission.reply)
  await updateMission(admin, mission.id, submission.value)
  return redirectWithToast('/admin/missions', 'staff:toast.missionUpdated')
}

export default function EditMission() {
  const { t } = useTranslation('staff')
  const { mission } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="narrow">
      <AdminBreadcrumbs
        trail={[{ to: '/admin/missions', label: t('missions.list.title') }]}
        current={mission.name}
      />
      <h1>{t('missions.edit.title', { name: mission.name })}</h1>
      <MissionForm
        reply={isFormReply(actionData) ? actionData : null}
        mission={mission}
        submitLabel={t('common:actions.save')}
      />
      <section aria-labelledby="mission-users-heading">
        <h2 id="mission-users-heading">{t('missions.edit.usersHeading')}</h2>
        {mission.users.length === 0 ? (
          <p>{t('missions.edit.noUsers')}</p>
        ) : (
          <ul>
            {mission.users.map((user) => (
              <li key={user.id}>
                <Link to={`/admin/staff/${user.id}`}>{user.name}</Link>
                {user.deactivatedAt ? ` (${t('status.deactivated')})` : null}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/admin/staff/new">{t('missions.edit.createUser')}</Link>
        </p>
      </section>
    </div>
  )
}
