/**
 * Messages: the conversation of one case between its organization and the authority's officers, plus the
 * officers' internal notes. Who reads what is decided in the queries themselves: an organization member's
 * query never selects an INTERNAL row, so no later step can leak one. Messages are not case events: they
 * are a conversation about the case, not a change of it.
 */
import { Prisma } from '~/generated/prisma/client'
import { INBOX_PAGE_SIZE, type InboxQuery, type MessageInput } from '~/schemas/message'
import { prisma } from '~/utils/db.server'
import { canDoAuthorityAction, type Actor } from '~/utils/permissions'

export type MessageSide = 'organization' | 'authority'

/** Someone who takes part in case conversations: a member of organizations, or a case-working officer. */
export type MessageReader =
  { userId: string; side: 'organization'; organizationIds: string[] } | { userId: string; side: 'authority' }

/** On an organization's pages everyone reads as that organization, whatever else their account may do. */
export function organizationReader(userId: string, organizationId: string): MessageReader {
  return { userId, side: 'organization', organizationIds: [organizationId] }
}

export function authorityReader(userId: string): MessageReader {
  return { userId, side: 'authority' }
}

/**
 * The inbox and the navigation count: officers read as the authority, members of organizations as their
 * organizations; admins, mission staff and users without an organization take part in no conversation.
 */
export function messageReaderFor(user: Actor & { id: string }): MessageReader | null {
  if (canDoAuthorityAction(user, 'workCases')) return authorityReader(user.id)
  if (user.staffRole === null && user.memberships.length > 0) {
    return {
      userId: user.id,
      side: 'organization',
      organizationIds: user.memberships.map((membership) => membership.organizationId),
    }
  }
  return null
}

/** The messages a reader may see at all: organizations see their cases' ORGANIZATION messages only. */
function visibleTo(reader: MessageReader): Prisma.MessageWhereInput {
  return reader.side === 'organization'
    ? { visibility: 'ORGANIZATION', case: { organizationId: { in: reader.organizationIds } } }
    : {}
}

/**
 * The cases of a reader's inbox and unread counts: the organization's cases, or for an officer the cases
 * assigned to them and those nobody has taken over yet.
 */
function inboxCasesOf(reader: MessageReader): Prisma.CaseWhereInput {
  return reader.side === 'organization'
    ? { organizationId: { in: reader.organizationIds } }
    : { OR: [{ assignedOfficerId: reader.userId }, { assignedOfficerId: null }] }
}

function unreadBy(reader: MessageReader): Prisma.MessageWhereInput {
  return { authorId: { not: reader.userId }, reads: { none: { userId: reader.userId } } }
}

function sideOf(author: { staffRole: string | null }): MessageSide {
  return author.staffRole === null ? 'organization' : 'authority'
}

export type PostMessageResult = { ok: true; id: string } | { ok: false; error: 'messages:errors.notAllowed' }

/**
 * Writes a message to a case the reader may see. Only officers write internal notes. The author has read
 * their own message, so it never counts as unread for them.
 */
export async function postMessage(
  reader: MessageReader,
  caseId: string,
  input: MessageInput,
): Promise<PostMessageResult> {
  if (reader.side === 'organization' && input.visibility !== 'ORGANIZATION') {
    return { ok: false, error: 'messages:errors.notAllowed' }
  }
  const visibleCase = reader.side === 'organization' ? { organizationId: { in: reader.organizationIds } } : {}
  const kase = await prisma.case.findFirst({ where: { id: caseId, ...visibleCase }, select: { id: true } })
  if (!kase) return { ok: false, error: 'messages:errors.notAllowed' }
  const created = await prisma.message.create({
    data: {
      caseId: kase.id,
      authorId: reader.userId,
      body: input.body,
      visibility: input.visibility,
      reads: { create: { userId: reader.userId } },
    },
    select: { id: true },
  })
  return { ok: true, id: created.id }
}

export type ConversationMessage = {
  id: string
  body: string
  visibility: 'ORGANIZATION' | 'INTERNAL'
  createdAt: Date
  authorName: string
  side: MessageSide
  isOwn: boolean
  isUnread: boolean
}

/** A case's conversation as this reader may see it, oldest first; `isUnread` as it stood before this call. */
export async function listConversation(
  reader: MessageReader,
  caseId: string,
): Promise<ConversationMessage[]> {
  const messages = await prisma.message.findMany({
    where: { caseId, ...visibleTo(reader) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      body: true,
      visibility: true,
      createdAt: true,
      authorId: true,
      author: { select: { name: true, staffRole: true } },
      reads: { where: { userId: reader.userId }, select: { readAt: true } },
    },
  })
  return messages.map((message) => ({
    id: message.id,
    body: message.body,
    visibility: message.visibility,
    createdAt: message.createdAt,
    authorName: message.author.name,
    side: sideOf(message.author),
    isOwn: message.authorId === reader.userId,
    isUnread: message.authorId !== reader.userId && message.reads.length === 0,
  }))
}

/** Marks the reader's unread messages of a case read; `messageIds` limits it to the messages shown. */
export async function markRead(reader: MessageReader, caseId: string, messageIds?: string[]) {
  const unread = await prisma.message.findMany({
    where: {
      caseId,
      ...(messageIds && { id: { in: messageIds } }),
      ...visibleTo(reader),
      ...unreadBy(reader),
    },
    select: { id: true },
  })
  if (unread.length === 0) return 0
  const { count } = await prisma.messageRead.createMany({
    data: unread.map((message) => ({ messageId: message.id, userId: reader.userId })),
    skipDuplicates: true,
  })
  return count
}

/** Marks one message from someone else unread again; returns whether there was such a message. */
export async function markUnread(reader: MessageReader, caseId: string, messageId: string) {
  const message = await prisma.message.findFirst({
    where: { id: messageId, caseId, authorId: { not: reader.userId }, ...visibleTo(reader) },
    select: { id: true },
  })
  if (!message) return false
  await prisma.messageRead.deleteMany({ where: { messageId: message.id, userId: reader.userId } })
  return true
}

/** In the inbox, "unread" for a case means its latest message from someone else is unread again. */
export async function markCaseUnread(reader: MessageReader, caseId: string) {
  const latest = await prisma.message.findFirst({
    where: { caseId, authorId: { not: reader.userId }, ...visibleTo(reader) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  })
  return latest ? markUnread(reader, caseId, latest.id) : false
}

/** The number in the navigation: one count over the reader's inbox cases. */
export function countUnread(reader: MessageReader) {
  return prisma.message.count({
    where: { ...visibleTo(reader), ...unreadBy(reader), AND: [{ case: inboxCasesOf(reader) }] },
  })
}

/** Unread messages of one case for the reader, for the link on the case page. */
export function countCaseUnread(reader: MessageReader, caseId: string) {
  return prisma.message.count({ where: { caseId, ...visibleTo(reader), ...unreadBy(reader) } })
}

type InboxRow = {
  caseId: string
  lastMessageId: string
  unread: number
  isWaitingForReply: boolean
  total: number
}

/**
 * One row per case with messages the reader may see, latest conversation first. "Waiting for reply":
 * the latest message to the other side came from the other side. Internal notes are not replies, so
 * they do not end an officer's wait.
 */
export async function listInbox(reader: MessageReader, query: InboxQuery) {
  if (reader.side === 'organization' && reader.organizationIds.length === 0) {
    return { total: 0, pageCount: 1, rows: [] }
  }
  const visibility =
    reader.side === 'organization'
      ? Prisma.sql`m."visibility" = 'ORGANIZATION' AND c."organizationId" IN (${Prisma.join(reader.organizationIds)})`
      : Prisma.sql`(c."assignedOfficerId" = ${reader.userId} OR c."assignedOfficerId" IS NULL)`
  const otherSide = reader.side === 'organization' ? Prisma.sql`IS NOT NULL` : Prisma.sql`IS NULL`
  const search = query.q ? Prisma.sql`AND c."fileNumber" ILIKE ${`%${escapeLike(query.q)}%`}` : Prisma.empty
  const unreadCount = Prisma.sql`COUNT(*) FILTER (WHERE m."authorId" <> ${reader.userId} AND r."messageId" IS NULL)`
  const lastIsFromOtherSide = Prisma.sql`COALESCE((ARRAY_AGG(u."staffRole" ${otherSide} ORDER BY m."createdAt" DESC, m."id" DESC)
      FILTER (WHERE m."visibility" = 'ORGANIZATION'))[1], FALSE)`
  const conditions = [
    query.unread ? Prisma.sql`${unreadCount} > 0` : null,
    query.waiting ? lastIsFromOtherSide : null,
  ].filter((condition) => condition !== null)
  const having = conditions.length > 0 ? Prisma.sql`HAVING ${Prisma.join(conditions, ' AND ')}` : Prisma.empty
  const rows = await prisma.$queryRaw<InboxRow[]>`
    SELECT c."id" AS "caseId",
      (ARRAY_AGG(m."id" ORDER BY m."createdAt" DESC, m."id" DESC))[1] AS "lastMessageId",
      ${unreadCount}::int AS "unread",
      ${lastIsFromOtherSide} AS "isWaitingForReply",
      COUNT(*) OVER ()::int AS "total"
    FROM "Message" m
    JOIN "Case" c ON c."id" = m."caseId"
    JOIN "User" u ON u."id" = m."authorId"
    LEFT JOIN "MessageRead" r ON r."messageId" = m."id" AND r."userId" = ${reader.userId}
    WHERE ${visibility} ${search}
    GROUP BY c."id"
    ${having}
    ORDER BY MAX(m."createdAt") DESC, c."id"
    LIMIT ${INBOX_PAGE_SIZE} OFFSET ${(query.page - 1) * INBOX_PAGE_SIZE}`
  const total = rows[0]?.total ?? 0
  const latest = await prisma.message.findMany({
    where: { id: { in: rows.map((row) => row.lastMessageId) }, ...visibleTo(reader) },
    select: {
      id: true,
      body: true,
      visibility: true,
      createdAt: true,
      author: { select: { name: true, staffRole: true } },
      case: {
        select: {
          id: true,
          fileNumber: true,
          organizationId: true,
          candidate: { select: { surname: true, givenNames: true } },
        },
      },
    },
  })
  const byId = new Map(latest.map((message) => [message.id, message]))
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)),
    rows: rows.flatMap((row) => {
      const message = byId.get(row.lastMessageId)
      if (!message) return []
      return [
        {
          case: message.case,
          unread: row.unread,
          isWaitingForReply: row.isWaitingForReply,
          lastMessage: {
            id: message.id,
            excerpt: excerptOf(message.body),
            visibility: message.visibility,
            createdAt: message.createdAt,
            authorName: message.author.name,
            side: sideOf(message.author),
          },
        },
      ]
    }),
  }
}

export type InboxEntry = Awaited<ReturnType<typeof listInbox>>['rows'][number]

const EXCERPT_LENGTH = 140

function excerptOf(body: string) {
  const line = body.replace(/\s+/g, ' ').trim()
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1)}…` : line
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`)
}
