import { useTranslation } from 'react-i18next'

export default function Landing() {
  const { t } = useTranslation()
  return <h1>{t('app.name')}</h1>
}
