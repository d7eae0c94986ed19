import { Form, Link } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import {
  SubmitButton,
  TextAreaField,
  translateMessage,
  useValidatedForm,
  ValidatedForm,
} from '~/components/form'
import {
  MESSAGE_MAX_LENGTH,
  messageVisibilities,
  OfficerMessageSchema,
  OrganizationMessageSchema,
} from '~/schemas/message'
import type { FormReply } from '~/utils/forms'
import { formatDateTime } from '~/utils/locale-format'

import { MessageBody } from './message-body'

export type ThreadMessage = {
  id: string
  body: string
  visibility: 'ORGANIZATION' | 'INTERNAL'
  createdAt: string | Date
  authorName: string
  side: 'organization' | 'authority'
  isOwn: boolean
  isUnread: boolean
}

/** The thread oldest first; internal notes only ever reach this component on officers' pages. */
export function MessageThread({ messages }: { messages: ThreadMessage[] }) {
  const { t, i18n } = useTranslation('messages')
  if (messages.length === 0) return <p>{t('thread.empty')}</p>
  return (
    <ol className="message-thread">
      {messages.map((message) => {
        const isInternal = message.visibility === 'INTERNAL'
        return (
          <li
            key={message.id}
            id={`message-${message.id}`}
            className={isInternal ? 'message message-internal' : `message message-${message.side}`}
          >
            <article aria-labelledby={`message-${message.id}-meta`}>
              {isInternal ? <p className="message-internal-label">{t('thread.internalLabel')}</p> : null}
              <p className="message-meta" id={`message-${message.id}-meta`}>
                <span className="message-author">{message.authorName}</span>{' '}
                <span className="message-side">({t(`side.${message.side}`)})</span>{' '}
                <time dateTime={new Date(message.createdAt).toISOString()}>
                  {formatDateTime(message.createdAt, i18n.language)}
                </time>
                {message.isUnread ? (
                  <>
                    {' '}
                    <span className="badge badge-unread">{t('thread.new')}</span>
                  </>
                ) : null}
              </p>
              <MessageBody body={message.body} />
              {message.isOwn ? null : (
                <Form method="post" className="message-actions">
                  <input type="hidden" name="intent" value="markUnread" />
                  <input type="hidden" name="messageId" value={message.id} />
                  <button type="submit" className="button button-quiet">
                    {t('thread.markUnread')}
                  </button>
                </Form>
              )}
            </article>
          </li>
        )
      })}
    </ol>
  )
}

/** The form under the thread; officers choose between a message to the organization and an internal note. */
export function MessageComposer({
  audience,
  reply,
}: {
  audience: 'org' | 'officer'
  reply: FormReply | null
}) {
  const { t } = useTranslation('messages')
  const { t: translate } = useTranslation()
  const schema = audience === 'officer' ? OfficerMessageSchema : OrganizationMessageSchema
  const validated = useValidatedForm(schema, reply)
  const id = useId()
  const visibilityError = reply?.fieldErrors.visibility?.[0]
  const chosen = reply?.values?.visibility ?? 'ORGANIZATION'
  return (
    <ValidatedForm validated={validated} className="message-composer">
      <h2>{t('compose.title')}</h2>
      {audience === 'officer' ? (
        <fieldset aria-describedby={visibilityError ? `${id}-visibility-error` : undefined}>
          <legend>{t('compose.visibility')}</legend>
          {messageVisibilities.map((visibility) => (
            <div className="choice" key={visibility}>
              <input
                type="radio"
                id={`${id}-${visibility}`}
                value={visibility}
                defaultChecked={visibility === chosen}
                {...validated.form.register('visibility')}
              />
              <label htmlFor={`${id}-${visibility}`}>{t(`compose.visibilities.${visibility}`)}</label>
            </div>
          ))}
          {visibilityError ? (
            <p className="field-error" id={`${id}-visibility-error`}>
              {translateMessage(translate, visibilityError)}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <TextAreaField
        form={validated.form}
        name="body"
        label={t('compose.body')}
        hint={t('compose.hint', { maximum: MESSAGE_MAX_LENGTH })}
        defaultValue={reply?.values?.body}
        rows={6}
        maxLength={MESSAGE_MAX_LENGTH}
        required
      />
      <SubmitButton>{t('compose.send')}</SubmitButton>
    </ValidatedForm>
  )
}

/** The conversation page of a case, for the organization's members or for officers. */
export function ConversationPage({
  casePath,
  fileNumber,
  messages,
  audience,
  reply,
}: {
  casePath: string
  fileNumber: string
  messages: ThreadMessage[]
  audience: 'org' | 'officer'
  reply: FormReply | null
}) {
  const { t } = useTranslation('messages')
  return (
    <>
      <p>
        <Link to={casePath}>{t('thread.backToCase', { fileNumber })}</Link>
      </p>
      <h1>{t('thread.title', { fileNumber })}</h1>
      <p>{t(audience === 'officer' ? 'thread.officerIntro' : 'thread.orgIntro')}</p>
      <MessageThread messages={messages} />
      <MessageComposer audience={audience} reply={reply} />
    </>
  )
}
