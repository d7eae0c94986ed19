import type { DocumentKey } from '~/workflow/types'

import type { EmailTemplate } from './compose.server'

export type DocumentRejectedEmailProps = {
  firstName: string
  fileNumber: string
  requirement: DocumentKey
  /** The officer's reason, so the organization knows what to upload instead. */
  reason: string
  url: string
}

/** Only the file number and the kind of document: no names or contents of the candidate travel by email. */
export const documentRejectedEmail: EmailTemplate<DocumentRejectedEmailProps> = {
  subject: (t, { fileNumber }) => t('documents:emails.rejected.subject', { fileNumber }),
  Body: ({ t, firstName, fileNumber, requirement, reason, url }) => (
    <>
      <p>{t('documents:emails.rejected.greeting', { firstName })}</p>
      <p>
        {t('documents:emails.rejected.body', {
          fileNumber,
          document: t(`workflow:documents.${requirement}.name`),
        })}
      </p>
      <p>{t('documents:emails.rejected.reason', { reason })}</p>
      <p>{t('documents:emails.rejected.uploadAgain')}</p>
      <p>
        <a href={url}>{t('documents:emails.rejected.open')}</a>
      </p>
    </>
  ),
}
