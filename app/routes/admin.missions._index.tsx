import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { listMissions } from '~/models/mission.server'
import { countryName } from '~/utils/countries'
import type { PageHandle } from '~/utils/page-title'
import { requireAuthority } from '~/utils/permissions.server'

export const handle: PageHandle = { pageTitle: (t) => t('staff:missions.list.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAuthority(request, 'manageMissions')
  return { missions: await listMissions() }
}

export default function MissionList() {
  const { t, i18n } = useTranslation('staff')
  const { missions } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('missions.list.title')}</h1>
      <p>{t('missions.list.intro')}</p>
      <p>
        <Link className="button button-primary" to="/admin/missions/new">
          {t('missions.list.create')}
        </Link>
      </p>
      {missions.length === 0 ? (
        <p>{t('missions.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('missions.list.caption', { total: missions.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('missions.fields.name')}</th>
                <th scope="col">{t('missions.fields.country')}</th>
                <th scope="col">{t('missions.fields.city')}</th>
                <th scope="col">{t('missions.fields.visaSectionEmail')}</th>
                <th scope="col">{t('missions.fields.embassyUsers')}</th>
              </tr>
            </thead>
            <tbody>
              {missions.map((mission) => (
                <tr key={mission.id}>
                  <th scope="row">
                    <Link to={`/admin/missions/${mission.id}`}>{mission.name}</Link>
                  </th>
                  <td>{countryName(mission.country, i18n.language)}</td>
                  <td>{mission.city}</td>
                  <td dir="ltr">{mission.visaSectionEmail}</td>
                  <td>{mission._count.users}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
