import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import type { OrgRole } from '~/utils/permissions'

type Member = { id: string; role: OrgRole; user: { id: string; name: string; email: string } }

/**
 * An organization's members, as its admins and the authority see them. `currentUserId` marks the
 * reader's own row; `actions` adds a column with what the reader may do to each member.
 */
export function MembersTable({
  members,
  currentUserId,
  actions,
}: {
  members: Member[]
  currentUserId?: string
  actions?: (member: Member) => ReactNode
}) {
  const { t } = useTranslation('organizations')
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('members.listHeading')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('fields.personName')}</th>
              <th scope="col">{t('fields.email')}</th>
              <th scope="col">{t('fields.role')}</th>
              {actions ? <th scope="col">{t('members.actionsColumn')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                <td>
                  {member.user.name}
                  {member.user.id === currentUserId ? ` ${t('members.you')}` : null}
                </td>
                <td dir="ltr">{member.user.email}</td>
                <td>{t(`roles.${member.role}`)}</td>
                {actions ? <td>{actions(member)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
