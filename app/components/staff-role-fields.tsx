import type { FieldValues, UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'

import { staffRoles } from '~/schemas/staff'

import { SelectField } from './form'

type MissionChoice = { id: string; name: string }

/** The role and, for the visa section of a mission, which mission: used when creating and when changing. */
export function StaffRoleFields({
  form,
  missions,
  role,
  missionId,
}: {
  form: UseFormReturn<FieldValues>
  missions: MissionChoice[]
  role?: string
  missionId?: string
}) {
  const { t } = useTranslation('staff')
  return (
    <>
      <SelectField
        form={form}
        name="role"
        label={t('fields.role')}
        hint={t('form.roleHint')}
        required
        defaultValue={role ?? ''}
        options={[
          { value: '', label: t('form.chooseRole') },
          ...staffRoles.map((value) => ({ value, label: t(`roles.${value}`) })),
        ]}
      />
      <SelectField
        form={form}
        name="missionId"
        label={t('fields.mission')}
        hint={t(missions.length > 0 ? 'form.missionHint' : 'form.noMissionsYet')}
        defaultValue={missionId ?? ''}
        options={[
          { value: '', label: t('form.noMission') },
          ...missions.map((mission) => ({ value: mission.id, label: mission.name })),
        ]}
      />
    </>
  )
}
